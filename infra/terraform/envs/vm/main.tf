locals {
  tags = merge(var.tags, { "spark-azure-cluster" = var.name, "managed-by" = "terraform" })
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
  tags                 = local.tags
}

resource "azurerm_role_assignment" "monitoring_reads_cluster" {
  count = var.monitoring_enabled ? 1 : 0

  scope                = azurerm_resource_group.cluster.id
  role_definition_name = "Reader"
  principal_id         = one(values(module.monitoring[0].principal_ids))
}
