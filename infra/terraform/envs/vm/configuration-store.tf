# The configuration store: the cluster's own Key Vault, holding its kept role variables and its secret.
# provision and rolling-update write the role variables (az keyvault secret set, from a file); each node reads
# them at boot with its managed identity, so a node created tomorrow gets what was rolled today, and masters
# and workers read the cluster secret. Terraform never holds either value.
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

# The kept role variables, created empty: provision and rolling-update write every later version (az
# keyvault secret set). Write-only, so Terraform neither keeps the value nor compares it with what they wrote.
resource "azurerm_key_vault_secret" "role_variables" {
  #checkov:skip=CKV_AZURE_41:An expiry would stop every node booted after it from joining; the value changes with every roll instead.
  name             = "spark-azure-role-variables"
  key_vault_id     = azurerm_key_vault.cluster.id
  content_type     = "application/json"
  value_wo         = "{}"
  value_wo_version = 1
  depends_on       = [azurerm_role_assignment.deployer_writes_configuration]
}

# The cluster secret (docs/security.md): every Spark daemon, executor and driver authenticates with it.
# value_wo takes the ephemeral cluster_secret, so neither the plan nor the state ever holds it; Terraform
# writes it when the secret is created and when cluster_secret_version changes (a rotation), never otherwise.
resource "azurerm_key_vault_secret" "cluster_secret" {
  #checkov:skip=CKV_AZURE_41:An expiry would stop every node booted after it from joining; rotate with cluster_secret_version instead.
  name             = "spark-azure-cluster-secret"
  key_vault_id     = azurerm_key_vault.cluster.id
  content_type     = "text/plain"
  value_wo         = var.cluster_secret
  value_wo_version = var.cluster_secret_version
  depends_on       = [azurerm_role_assignment.deployer_writes_configuration]
}

# Least privilege, secret by secret: every node reads the kept role variables at boot (the fixed VMs'
# system-assigned identities, the workers' user-assigned one); the cluster secret is read by the cluster's
# nodes (masters and workers for Spark, ZooKeeper servers for their quorum links), never by monitoring.
resource "azurerm_role_assignment" "nodes_read_role_variables" {
  for_each = merge(module.zookeeper.principal_ids, module.masters.principal_ids, { workers = module.workers.identity_principal_id })

  scope                = azurerm_key_vault_secret.role_variables.resource_versionless_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = each.value
}

resource "azurerm_role_assignment" "cluster_nodes_read_cluster_secret" {
  for_each = merge(module.zookeeper.principal_ids, module.masters.principal_ids, { workers = module.workers.identity_principal_id })

  scope                = azurerm_key_vault_secret.cluster_secret.resource_versionless_id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = each.value
}

# Renamed when the ZooKeeper servers joined its readers: the masters' and workers' assignments stay as they are.
moved {
  from = azurerm_role_assignment.spark_nodes_read_cluster_secret
  to   = azurerm_role_assignment.cluster_nodes_read_cluster_secret
}
