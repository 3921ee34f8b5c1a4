# The configuration store: the cluster's kept role variables, one secret in the cluster's own Key Vault.
# provision and rolling-update write it (az keyvault secret set, from a file); each node reads it at boot with
# its managed identity, so a node created tomorrow gets what was rolled today. Terraform never holds the value.
data "azurerm_client_config" "current" {}

resource "azurerm_key_vault" "cluster" {
  #checkov:skip=CKV_AZURE_189:The runners that write the store and the nodes that read it reach it through the network ACL below: subnets by service endpoint, hosted runners by address; everything else is denied.
  #checkov:skip=CKV2_AZURE_32:A private endpoint would need private DNS in every network the runners use; the ACL keeps the vault to the cluster's subnets and the runners' addresses.
  name                          = "kv-${substr(var.name, 0, 15)}-${substr(sha1("${var.subscription_id}/${var.name}"), 0, 5)}"
  resource_group_name           = azurerm_resource_group.cluster.name
  location                      = var.location
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "standard"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = true
  tags                          = local.tags

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    ip_rules                   = var.key_vault_allowed_ips
    virtual_network_subnet_ids = values(module.network.subnet_ids)
  }
}

# Whoever applies this root writes the store (provision and rolling-update run as the same identity).
resource "azurerm_role_assignment" "deployer_writes_configuration" {
  scope                = azurerm_key_vault.cluster.id
  role_definition_name = "Key Vault Secrets Officer"
  principal_id         = data.azurerm_client_config.current.object_id
}

# Every node reads it at boot: the fixed VMs' system-assigned identities and the workers' user-assigned one.
resource "azurerm_role_assignment" "nodes_read_configuration" {
  for_each = merge(module.zookeeper.principal_ids, module.masters.principal_ids, { workers = module.workers.identity_principal_id })

  scope                = azurerm_key_vault.cluster.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = each.value
}
