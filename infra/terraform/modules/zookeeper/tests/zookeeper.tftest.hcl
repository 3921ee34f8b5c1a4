# The ensemble's invariants, planned and applied against azurerm's own schema with a mocked API.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  name                 = "spark-test-zk"
  resource_group_name  = "rg-spark-test"
  location             = "westeurope"
  subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-zookeeper"
  subnet_prefix        = "10.40.1.0/24"
  image_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node/versions/1.2.3"
  admin_ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
  cluster_name         = "spark-test"
  zookeeper_dir        = "/spark-azure/spark-test"
  configuration_store  = { kind = "key-vault", key_vault_name = "kv-spark-test", secret_name = "spark-azure-role-variables" }

}

run "three_servers_one_per_zone" {
  assert {
    condition     = length(output.hosts) == 3
    error_message = "a default ensemble has 3 servers"
  }
  assert {
    condition     = length(distinct([for host in output.hosts : host.zone])) == 3
    error_message = "3 servers sit in 3 distinct zones"
  }
  assert {
    condition     = [for host in output.hosts : host.id] == [1, 2, 3]
    error_message = "myids are 1..n, stable"
  }
  assert {
    condition     = output.connect_string == "10.40.1.10:2181,10.40.1.11:2181,10.40.1.12:2181"
    error_message = "the connect string lists every server's static address on 2181"
  }
}

run "five_servers_survive_two_failures" {
  variables {
    zookeeper_count = 5
  }
  assert {
    condition     = length(output.hosts) == 5 && length(distinct([for host in output.hosts : host.host])) == 5
    error_message = "5 servers with 5 distinct addresses"
  }
  assert {
    condition     = max([for zone in distinct([for host in output.hosts : host.zone]) : length([for host in output.hosts : host if host.zone == zone])]...) == 2
    error_message = "no zone holds more than 2 of 5 servers, so losing a zone keeps a majority"
  }
}

run "an_even_count_is_rejected" {
  command = plan
  variables {
    zookeeper_count = 4
  }
  expect_failures = [var.zookeeper_count]
}

run "a_single_server_is_rejected" {
  command = plan
  variables {
    zookeeper_count = 1
  }
  expect_failures = [var.zookeeper_count]
}

run "two_zones_are_rejected" {
  command = plan
  variables {
    zones = ["1", "2"]
  }
  expect_failures = [var.zones]
}

run "every_server_boots_with_its_myid_and_mounts_its_data_disk_at_the_data_directory" {
  assert {
    condition     = length(output.cloud_configs) == 3 && alltrue([for index, document in output.cloud_configs : jsondecode(base64decode(regex("content: ([A-Za-z0-9+/=]+)", document)[0])).node.zookeeper_id == index + 1])
    error_message = "server i boots as myid i"
  }
  assert {
    condition     = alltrue([for document in output.cloud_configs : strcontains(document, "[LABEL=zookeeper, ${jsondecode(base64decode(regex("content: ([A-Za-z0-9+/=]+)", document)[0])).role_variables.zookeeper_data_dir}, ext4,")])
    error_message = "the data disk is mounted where ZooKeeper's dataDir (zookeeper_data_dir) is"
  }
}
