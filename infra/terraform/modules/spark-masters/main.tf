# Masters keep static addresses: workers and clients carry the full master list.
module "vms" {
  source = "../fixed-vms"

  name                 = var.name
  role                 = "spark-master"
  instance_count       = var.master_count
  resource_group_name  = var.resource_group_name
  location             = var.location
  zones                = var.zones
  subnet_id            = var.subnet_id
  subnet_prefix        = var.subnet_prefix
  vm_size              = var.vm_size
  image_id             = var.image_id
  admin_username       = var.admin_username
  admin_ssh_public_key = var.admin_ssh_public_key
  custom_data          = [for instance in module.vms.layout : module.boot[instance.index].custom_data]
  tags                 = var.tags
}

# Each master's boot: itself, its peers and the ensemble.
module "boot" {
  source   = "../node-boot"
  for_each = { for instance in module.vms.layout : instance.index => instance }

  role                = "master"
  cluster             = var.cluster_name
  node                = { name = each.value.name, host = each.value.private_ip }
  zookeepers          = var.zookeepers
  masters             = [for instance in module.vms.layout : { name = instance.name, host = instance.private_ip }]
  zookeeper_dir       = var.zookeeper_dir
  role_variables      = var.role_variables
  configuration_store = var.configuration_store
}
