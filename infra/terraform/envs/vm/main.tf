locals {
  tags          = merge(var.tags, { "spark-azure-cluster" = var.name, "managed-by" = "terraform" })
  zookeeper_dir = "/spark-azure/${var.name}"
  # The cluster's kept role variables: provision and rolling-update write them, every node reads them at boot.
  configuration_store = {
    kind                = "key-vault"
    key_vault_name      = azurerm_key_vault.cluster.name
    secret_name         = azurerm_key_vault_secret.role_variables.name
    cluster_secret_name = azurerm_key_vault_secret.cluster_secret.name
  }
  # The monitoring VM never uses the cluster secret: its custom data does not name it. (ZooKeeper servers
  # do: their quorum links authenticate with it.)
  configuration_store_without_secret = { for key, value in local.configuration_store : key => value if key != "cluster_secret_name" }
}

resource "azurerm_resource_group" "cluster" {
  name     = "rg-${var.name}"
  location = var.location
  tags     = local.tags
}

module "network" {
  source = "../../modules/network"

  name                = var.name
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  address_space       = var.address_space
  tags                = local.tags
}

module "zookeeper" {
  source = "../../modules/zookeeper"

  cluster_name        = var.name
  zookeeper_dir       = local.zookeeper_dir
  configuration_store = local.configuration_store

  name                 = "${var.name}-zk"
  zookeeper_count      = var.zookeeper_count
  resource_group_name  = azurerm_resource_group.cluster.name
  location             = var.location
  subnet_id            = module.network.subnet_ids.zookeeper
  subnet_prefix        = module.network.subnet_prefixes.zookeeper
  image_id             = var.image_id
  admin_ssh_public_key = var.admin_ssh_public_key
  tags                 = local.tags
}

module "masters" {
  source = "../../modules/spark-masters"

  cluster_name        = var.name
  zookeeper_dir       = local.zookeeper_dir
  configuration_store = local.configuration_store
  zookeepers          = module.zookeeper.hosts

  name                 = "${var.name}-master"
  master_count         = var.master_count
  resource_group_name  = azurerm_resource_group.cluster.name
  location             = var.location
  subnet_id            = module.network.subnet_ids.masters
  subnet_prefix        = module.network.subnet_prefixes.masters
  image_id             = var.image_id
  admin_ssh_public_key = var.admin_ssh_public_key
  tags                 = local.tags
}

module "workers" {
  source = "../../modules/spark-workers"

  cluster_name        = var.name
  zookeeper_dir       = local.zookeeper_dir
  configuration_store = local.configuration_store
  masters             = [for host in module.masters.hosts : { name = host.name, host = host.host }]
  worker_cores        = var.worker_cores
  worker_memory_mb    = var.worker_memory_mb

  name                 = "${var.name}-worker"
  resource_group_name  = azurerm_resource_group.cluster.name
  location             = var.location
  subnet_id            = module.network.subnet_ids.workers
  vm_size              = var.worker_vm_size
  minimum_instances    = var.worker_minimum
  maximum_instances    = var.worker_maximum
  image_id             = var.image_id
  admin_ssh_public_key = var.admin_ssh_public_key
  tags                 = local.tags
}

# The monitoring VM: Prometheus finds the cluster's VMs and scale-set instances itself (Azure service
# discovery, by their role tags), so it needs to read the resource group, nothing more.
module "monitoring" {
  source = "../../modules/fixed-vms"
  count  = var.monitoring_enabled ? 1 : 0

  name                 = "${var.name}-mon"
  role                 = "monitoring"
  instance_count       = 1
  resource_group_name  = azurerm_resource_group.cluster.name
  location             = var.location
  zones                = ["1"]
  subnet_id            = module.network.subnet_ids.monitoring
  subnet_prefix        = module.network.subnet_prefixes.monitoring
  vm_size              = var.monitoring_vm_size
  image_id             = var.image_id
  admin_username       = "azureuser"
  admin_ssh_public_key = var.admin_ssh_public_key
  data_disk_size_gb    = 64
  custom_data          = [module.monitoring_boot[0].custom_data]
  tags                 = local.tags
}

# The monitoring VM boots like the nodes: Prometheus finds them by their tags in this resource group.
module "monitoring_boot" {
  source = "../../modules/node-boot"
  count  = var.monitoring_enabled ? 1 : 0

  role                = "monitoring"
  cluster             = var.name
  node                = { name = module.monitoring[0].layout[0].name, host = module.monitoring[0].layout[0].private_ip }
  masters             = [for host in module.masters.hosts : { name = host.name, host = host.host }]
  zookeeper_dir       = local.zookeeper_dir
  role_variables      = { prometheus_azure_resource_group = azurerm_resource_group.cluster.name, prometheus_azure_subscription_id = var.subscription_id }
  configuration_store = local.configuration_store_without_secret
}

resource "azurerm_role_assignment" "monitoring_reads_cluster" {
  count = var.monitoring_enabled ? 1 : 0

  scope                = azurerm_resource_group.cluster.id
  role_definition_name = "Reader"
  principal_id         = one(values(module.monitoring[0].principal_ids))
}
