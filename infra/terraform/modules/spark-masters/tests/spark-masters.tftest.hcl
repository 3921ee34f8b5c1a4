# Masters: 2 or 3 fixed VMs across zones, no public IP, and the master list the actions and workers read.
mock_provider "azurerm" {
  # Ids shaped as Azure returns them: the provider parses the ids it is given.
  mock_resource "azurerm_resource_group" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test" }
  }
  mock_resource "azurerm_network_interface" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/networkInterfaces/nic" }
  }
  mock_resource "azurerm_linux_virtual_machine" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Compute/virtualMachines/vm" }
  }
  mock_resource "azurerm_managed_disk" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Compute/disks/disk" }
  }
  mock_resource "azurerm_virtual_network" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet" }
  }
  mock_resource "azurerm_subnet" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet" }
  }
  mock_resource "azurerm_network_security_group" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/networkSecurityGroups/nsg" }
  }
  mock_resource "azurerm_public_ip" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/publicIPAddresses/pip" }
  }
  mock_resource "azurerm_nat_gateway" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/natGateways/ng" }
  }
  mock_resource "azurerm_bastion_host" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/bastionHosts/bas" }
  }
  mock_resource "azurerm_user_assigned_identity" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id", principal_id = "11111111-1111-1111-1111-111111111111", client_id = "22222222-2222-2222-2222-222222222222" }
  }
  mock_resource "azurerm_orchestrated_virtual_machine_scale_set" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Compute/virtualMachineScaleSets/vmss" }
  }
  mock_resource "azurerm_shared_image_gallery" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Compute/galleries/spark_azure" }
  }
  mock_resource "azurerm_shared_image" {
    defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node" }
  }
}

variables {
  name                 = "spark-test-master"
  resource_group_name  = "rg-spark-test"
  location             = "westeurope"
  subnet_id            = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/snet-masters"
  subnet_prefix        = "10.40.2.0/24"
  image_id             = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-images/providers/Microsoft.Compute/galleries/spark_azure/images/spark-node/versions/1.2.3"
  admin_ssh_public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
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
