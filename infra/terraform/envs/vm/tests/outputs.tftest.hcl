# The root the actions deploy: applied with a mocked API, every output they read (src/core/infra/vm-outputs.ts)
# has the shape they parse. The static suite checks that this file names each of those outputs.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

# Bastion checks the name inside its subnet's id.
override_resource {
  target = module.network.azurerm_subnet.bastion
  values = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/AzureBastionSubnet" }
}

# Each secret's own id, so that a role assignment scoped to the wrong one shows.
override_resource {
  target = azurerm_key_vault_secret.cluster_secret
  values = { resource_versionless_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.KeyVault/vaults/kv-spark-test/secrets/spark-azure-cluster-secret" }
}

override_resource {
  target = azurerm_key_vault_secret.role_variables
  values = { resource_versionless_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.KeyVault/vaults/kv-spark-test/secrets/spark-azure-role-variables" }
}

variables {
  subscription_id      = "00000000-0000-0000-0000-000000000000"
  name                 = "spark-test"
  location             = "westeurope"
  image_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node/versions/1.2.3"
  admin_ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
  cluster_secret       = "a-test-cluster-secret-of-43-characters-xxxx"
}

run "every_output_the_actions_read" {
  assert {
    condition     = output.resource_group_name == "rg-spark-test"
    error_message = "resource_group_name"
  }
  assert {
    condition     = [for host in output.zookeeper_hosts : host.id] == [1, 2, 3] && alltrue([for host in output.zookeeper_hosts : host.name != "" && can(cidrhost("${host.host}/32", 0)) && host.zone != ""])
    error_message = "zookeeper_hosts: id, name, host and zone of each server"
  }
  assert {
    condition     = length(split(",", output.zookeeper_connect)) == 3 && alltrue([for server in split(",", output.zookeeper_connect) : endswith(server, ":2181")])
    error_message = "zookeeper_connect"
  }
  assert {
    condition     = length(output.master_hosts) == 2 && alltrue([for host in output.master_hosts : host.name != "" && host.host != "" && host.zone != ""])
    error_message = "master_hosts: name, host and zone of each master"
  }
  assert {
    condition     = startswith(output.master_url, "spark://") && length(split(",", output.master_url)) == 2
    error_message = "master_url"
  }
  assert {
    condition     = length(output.master_vm_names) == 2
    error_message = "master_vm_names"
  }
  assert {
    condition     = output.spark_zookeeper_dir == "/spark-azure/spark-test"
    error_message = "spark_zookeeper_dir"
  }
  assert {
    condition     = output.worker_scale_set_id != "" && output.worker_scale_set_name == "vmss-spark-test-worker"
    error_message = "worker_scale_set_id and worker_scale_set_name"
  }
  assert {
    condition     = output.bastion_name != ""
    error_message = "bastion_name"
  }
}

run "an_even_zookeeper_count_is_rejected" {
  command = plan
  variables {
    zookeeper_count = 4
  }
  expect_failures = [var.zookeeper_count]
}

run "a_single_master_is_rejected" {
  command = plan
  variables {
    master_count = 1
  }
  expect_failures = [var.master_count]
}

run "every_vm_and_the_scale_set_carry_custom_data_and_the_configuration_store_is_a_locked_key_vault" {
  assert {
    condition     = length(output.boot_cloud_configs.zookeeper) == 3 && length(output.boot_cloud_configs.master) == 2 && length(output.boot_cloud_configs.worker) == 1 && length(output.boot_cloud_configs.monitoring) == 1
    error_message = "a boot document for every ZooKeeper server, master and the monitoring VM, and the scale set's"
  }
  assert {
    condition     = alltrue([for document in flatten(values(output.boot_cloud_configs)) : startswith(document, "#cloud-config\n")])
    error_message = "each is a cloud-config"
  }
  assert {
    condition     = azurerm_key_vault.cluster.rbac_authorization_enabled && azurerm_key_vault.cluster.purge_protection_enabled && azurerm_key_vault.cluster.network_acls[0].default_action == "Deny"
    error_message = "the configuration store's vault: RBAC, purge protection, deny by default"
  }
  assert {
    condition     = length(azurerm_role_assignment.nodes_read_role_variables) == 6 && alltrue([for assignment in azurerm_role_assignment.nodes_read_role_variables : assignment.role_definition_name == "Key Vault Secrets User" && endswith(assignment.scope, "/secrets/spark-azure-role-variables")])
    error_message = "each node's identity (3 servers, 2 masters, the workers' one) only reads the role variables secret"
  }
  assert {
    condition     = sort(keys(azurerm_role_assignment.cluster_nodes_read_cluster_secret)) == sort(concat(keys(module.zookeeper.principal_ids), keys(module.masters.principal_ids), ["workers"])) && alltrue([for assignment in azurerm_role_assignment.cluster_nodes_read_cluster_secret : assignment.role_definition_name == "Key Vault Secrets User" && endswith(assignment.scope, "/secrets/spark-azure-cluster-secret")])
    error_message = "only the cluster's nodes (ZooKeeper servers, masters, the workers) read the cluster secret, and only it"
  }
  assert {
    condition     = azurerm_key_vault_secret.cluster_secret.value_wo == null && azurerm_key_vault_secret.cluster_secret.value_wo_version == 1 && azurerm_key_vault_secret.cluster_secret.name == output.configuration_store.cluster_secret_name
    error_message = "the cluster secret is write-only (never in state), written once until cluster_secret_version changes, and named in the configuration_store output"
  }
  assert {
    condition     = alltrue([for document in output.boot_cloud_configs.monitoring : !strcontains(base64decode(regex("content: ([A-Za-z0-9+/=]+)", document)[0]), "cluster_secret")]) && alltrue([for document in concat(output.boot_cloud_configs.zookeeper, output.boot_cloud_configs.master, output.boot_cloud_configs.worker) : strcontains(base64decode(regex("content: ([A-Za-z0-9+/=]+)", document)[0]), "\"cluster_secret_name\":\"spark-azure-cluster-secret\"")])
    error_message = "ZooKeeper servers, masters and workers boot knowing the cluster secret's name; the monitoring VM does not"
  }
}
