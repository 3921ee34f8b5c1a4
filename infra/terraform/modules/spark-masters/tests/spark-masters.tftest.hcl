# Masters: 2 or 3 fixed VMs across zones, no public IP, and the master list the actions and workers read.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  name                 = "spark-test-master"
  resource_group_name  = "rg-spark-test"
  location             = "westeurope"
  subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-masters"
  subnet_prefix        = "10.40.2.0/24"
  image_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node/versions/1.2.3"
  admin_ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
  cluster_name         = "spark-test"
  zookeeper_dir        = "/spark-azure/spark-test"
  configuration_store  = { kind = "key-vault", key_vault_name = "kv-spark-test", secret_name = "spark-azure-role-variables" }
  zookeepers           = [{ id = 1, name = "spark-test-zk-1", host = "10.40.1.10" }, { id = 2, name = "spark-test-zk-2", host = "10.40.1.11" }, { id = 3, name = "spark-test-zk-3", host = "10.40.1.12" }]
}

run "two_masters_in_two_zones" {
  assert {
    condition     = length(output.hosts) == 2 && length(distinct([for host in output.hosts : host.zone])) == 2
    error_message = "the default is 2 masters in 2 distinct zones"
  }
  assert {
    condition     = output.master_url == "spark://10.40.2.10:7077,10.40.2.11:7077"
    error_message = "master_url lists every master's static address on 7077"
  }
  assert {
    condition     = output.vm_names == ["vm-spark-test-master-1", "vm-spark-test-master-2"]
    error_message = "vm_names are in master order"
  }
}

run "three_masters" {
  variables {
    master_count = 3
  }
  assert {
    condition     = length(output.hosts) == 3 && length(output.vm_names) == 3
    error_message = "3 masters"
  }
}

run "one_master_is_rejected" {
  command = plan
  variables {
    master_count = 1
  }
  expect_failures = [var.master_count]
}

run "four_masters_are_rejected" {
  command = plan
  variables {
    master_count = 4
  }
  expect_failures = [var.master_count]
}
