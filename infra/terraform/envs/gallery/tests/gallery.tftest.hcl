# The gallery image-build publishes into: a Gen2 definition that supports Trusted Launch.
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
  subscription_id = "00000000-0000-0000-0000-000000000000"
  location        = "westeurope"
}

run "a_gen2_trusted_launch_definition" {
  assert {
    condition     = azurerm_shared_image.spark_node.hyper_v_generation == "V2" && azurerm_shared_image.spark_node.trusted_launch_supported
    error_message = "the VMs boot with secure boot and a vTPM, which needs a Gen2 definition supporting Trusted Launch"
  }
  assert {
    condition     = output.gallery_name == "spark_azure" && output.image_name == "spark-node" && output.gallery_resource_group == "rg-spark-azure-images"
    error_message = "the outputs match image-build's defaults"
  }
}

run "a_bad_gallery_name_is_rejected" {
  command = plan
  variables {
    gallery_name = "spark-azure"
  }
  expect_failures = [var.gallery_name]
}
