# Workers: a scale set across zones without public IPs, autoscaled on CPU and memory, with scale-in notice.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  name                 = "spark-test-worker"
  resource_group_name  = "rg-spark-test"
  location             = "westeurope"
  subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-workers"
  image_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node/versions/1.2.3"
  admin_ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
  cluster_name         = "spark-test"
  zookeeper_dir        = "/spark-azure/spark-test"
  configuration_store  = { kind = "key-vault", key_vault_name = "kv-spark-test", secret_name = "spark-azure-role-variables" }
  masters              = [{ name = "spark-test-master-1", host = "10.40.2.10" }, { name = "spark-test-master-2", host = "10.40.2.11" }]
}

run "a_scale_set_over_three_zones_without_public_ips" {
  assert {
    condition     = azurerm_orchestrated_virtual_machine_scale_set.workers.zones == toset(["1", "2", "3"]) && azurerm_orchestrated_virtual_machine_scale_set.workers.instances == 2
    error_message = "2 workers to start, spread over 3 zones"
  }
  assert {
    condition     = alltrue(flatten([for nic in azurerm_orchestrated_virtual_machine_scale_set.workers.network_interface : [for ip in nic.ip_configuration : length(ip.public_ip_address) == 0]]))
    error_message = "no worker has a public IP"
  }
  assert {
    condition     = azurerm_orchestrated_virtual_machine_scale_set.workers.termination_notification[0].enabled
    error_message = "scale-in gives the worker a termination notice to decommission"
  }
  assert {
    condition     = output.scale_set_name == "vmss-spark-test-worker" && output.scale_set_id != null
    error_message = "the outputs the actions read are set"
  }
}

run "autoscale_on_cpu_and_memory" {
  variables {
    maximum_instances = 7
  }
  assert {
    condition     = azurerm_monitor_autoscale_setting.workers.profile[0].capacity[0].minimum == 2 && azurerm_monitor_autoscale_setting.workers.profile[0].capacity[0].maximum == 7
    error_message = "autoscale keeps between the minimum and the maximum"
  }
  assert {
    condition     = toset([for rule in azurerm_monitor_autoscale_setting.workers.profile[0].rule : "${rule.scale_action[0].direction} ${rule.metric_trigger[0].metric_name}"]) == toset(["Increase Percentage CPU", "Increase Available Memory Percentage", "Decrease Percentage CPU", "Decrease Available Memory Percentage"])
    error_message = "scale out and in on both CPU and memory"
  }
}

run "unhealthy_workers_are_repaired" {
  assert {
    condition     = azurerm_orchestrated_virtual_machine_scale_set.workers.automatic_instance_repair[0].enabled && azurerm_orchestrated_virtual_machine_scale_set.workers.automatic_instance_repair[0].grace_period == "PT15M"
    error_message = "automatic instance repairs replace a worker Unhealthy past 15 minutes"
  }
  assert {
    condition     = anytrue([for extension in azurerm_orchestrated_virtual_machine_scale_set.workers.extension : extension.type == "ApplicationHealthLinux" && jsondecode(extension.settings).port == 8091 && jsondecode(extension.settings).requestPath == "/health"])
    error_message = "the Application Health extension probes the workers' health endpoint"
  }
  assert {
    condition     = length(azurerm_orchestrated_virtual_machine_scale_set.workers.extension) == 1
    error_message = "the health extension is the only extension the workers run"
  }
}

run "a_repair_grace_period_outside_azures_range_is_rejected" {
  command = plan
  variables {
    instance_repair_grace_minutes = 5
  }
  expect_failures = [var.instance_repair_grace_minutes]
}

run "one_worker_is_rejected" {
  command = plan
  variables {
    minimum_instances = 1
  }
  expect_failures = [var.minimum_instances]
}

run "every_instance_boots_from_the_scale_sets_custom_data_with_cores_and_memory_from_its_size" {
  assert {
    condition     = base64decode(azurerm_orchestrated_virtual_machine_scale_set.workers.os_profile[0].custom_data) == output.cloud_config
    error_message = "the scale set's model carries the workers' boot: autoscale, repair and reimage give it to each new instance"
  }
  assert {
    condition     = output.worker_cores == 4 && output.worker_memory_mb == 28672
    error_message = "a Standard_E4ds_v5 (4 vCPUs, 32 GiB) offers 4 cores and 7/8 of its memory"
  }
  assert {
    condition     = jsondecode(base64decode(regex("content: ([A-Za-z0-9+/=]+)", output.cloud_config)[0])).role_variables == { spark_worker_cores = "4", spark_worker_memory_mb = "28672" }
    error_message = "the workers boot with those"
  }
}

run "another_size_gives_its_own_cores_and_memory" {
  variables {
    vm_size = "Standard_D8ds_v5"
  }
  assert {
    condition     = output.worker_cores == 8 && output.worker_memory_mb == 28672
    error_message = "a Standard_D8ds_v5 (8 vCPUs, 32 GiB)"
  }
}

run "the_user_sets_them_for_a_size_spark_azure_does_not_know" {
  variables {
    vm_size          = "Standard_L8s_v3"
    worker_cores     = 6
    worker_memory_mb = 50000
  }
  assert {
    condition     = output.worker_cores == 6 && output.worker_memory_mb == 50000
    error_message = "given cores and memory win"
  }
}

run "an_unknown_size_without_them_is_refused" {
  command = plan
  variables {
    vm_size = "Standard_L8s_v3"
  }
  expect_failures = [azurerm_orchestrated_virtual_machine_scale_set.workers]
}
