# Fixed VMs: static private addresses, no public IP, zones round-robin, Trusted Launch, a data disk each.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  name                 = "spark-test-master"
  role                 = "spark-master"
  instance_count       = 3
  resource_group_name  = "rg-spark-test"
  location             = "westeurope"
  zones                = ["1", "2", "3"]
  subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-masters"
  subnet_prefix        = "10.40.2.0/24"
  image_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node/versions/1.2.3"
  admin_ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
  data_disk_size_gb    = 64
  vm_size              = "Standard_D2ds_v5"
  admin_username       = "azureuser"
  custom_data          = ["I2Nsb3VkLWNvbmZpZyAx", "I2Nsb3VkLWNvbmZpZyAy", "I2Nsb3VkLWNvbmZpZyAz"]
}

run "static_private_addresses_and_no_public_ip" {
  assert {
    condition     = alltrue([for nic in azurerm_network_interface.this : alltrue([for ip in nic.ip_configuration : ip.private_ip_address_allocation == "Static" && ip.public_ip_address_id == null])])
    error_message = "every NIC has a static private address and no public IP"
  }
  assert {
    condition     = [for instance in output.instances : instance.private_ip] == ["10.40.2.10", "10.40.2.11", "10.40.2.12"]
    error_message = "addresses are the subnet's 10th host onwards, in index order"
  }
}

run "one_vm_per_zone_with_trusted_launch" {
  assert {
    condition     = [for instance in output.instances : instance.zone] == ["1", "2", "3"]
    error_message = "VMs go round-robin over the zones"
  }
  assert {
    condition     = alltrue([for vm in azurerm_linux_virtual_machine.this : vm.secure_boot_enabled && vm.vtpm_enabled && vm.encryption_at_host_enabled && vm.disable_password_authentication])
    error_message = "every VM boots with Trusted Launch, encrypts at host and takes SSH keys only"
  }
  assert {
    condition     = alltrue([for vm in azurerm_linux_virtual_machine.this : !vm.allow_extension_operations])
    error_message = "no VM runs extensions"
  }
}

run "a_data_disk_in_each_vms_zone" {
  assert {
    condition     = length(azurerm_managed_disk.data) == 3 && alltrue([for key, disk in azurerm_managed_disk.data : disk.zone == azurerm_linux_virtual_machine.this[key].zone])
    error_message = "each VM has its data disk, in its own zone"
  }
}

run "no_data_disk_when_none_is_asked" {
  variables {
    data_disk_size_gb = 0
  }
  assert {
    condition     = length(azurerm_managed_disk.data) == 0
    error_message = "masters have no data disk"
  }
}

run "an_unknown_role_is_rejected" {
  command = plan
  variables {
    role = "spark-worker"
  }
  expect_failures = [var.role]
}

run "each_vm_boots_from_its_own_custom_data" {
  assert {
    condition     = alltrue([for index, document in var.custom_data : azurerm_linux_virtual_machine.this[tostring(index + 1)].custom_data == document])
    error_message = "VM i carries custom_data[i - 1]: the boot path of modules/node-boot"
  }
  assert {
    condition     = [for instance in output.layout : instance.name] == ["spark-test-master-1", "spark-test-master-2", "spark-test-master-3"]
    error_message = "the layout names the VMs before they exist"
  }
}
