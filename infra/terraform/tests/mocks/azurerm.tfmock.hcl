# Shared by every tests/*.tftest.hcl here (mock_provider "azurerm" { source = "../../tests/mocks" }):
# ids shaped as Azure returns them, since the real provider parses the ids it is given.
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
mock_resource "azurerm_storage_account" {
  defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Storage/storageAccounts/stsparktestlake" }
}
mock_resource "azurerm_storage_data_lake_gen2_filesystem" {
  defaults = { id = "https://stsparktestlake.dfs.core.windows.net/spark-test" }
}
mock_resource "azurerm_hdinsight_spark_cluster" {
  defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.HDInsight/clusters/spark-test", https_endpoint = "spark-test.azurehdinsight.net" }
}
mock_resource "azurerm_kubernetes_cluster" {
  defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.ContainerService/managedClusters/aks-spark-test" }
}
mock_resource "azurerm_kubernetes_cluster_node_pool" {
  defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.ContainerService/managedClusters/aks-spark-test/agentPools/spark" }
}
mock_data "azurerm_client_config" {
  defaults = { tenant_id = "33333333-3333-3333-3333-333333333333", subscription_id = "00000000-0000-0000-0000-000000000000", object_id = "44444444-4444-4444-4444-444444444444" }
}
mock_resource "azurerm_key_vault" {
  defaults = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.KeyVault/vaults/kv-spark-test", vault_uri = "https://kv-spark-test.vault.azure.net/" }
}

# A role assignment scoped to one secret takes its ARM id (the versionless one, as the provider computes it).
mock_resource "azurerm_key_vault_secret" {
  defaults = { resource_versionless_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.KeyVault/vaults/kv-spark-test/secrets/a-secret", resource_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.KeyVault/vaults/kv-spark-test/secrets/a-secret/versions/1" }
}
