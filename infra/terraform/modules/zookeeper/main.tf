# ZooKeeper needs fixed VMs, never a scale set: each server's myid and the server.N list name it for life.
module "vms" {
  source = "../fixed-vms"

  name                 = var.name
  role                 = "zookeeper"
  instance_count       = var.zookeeper_count
  resource_group_name  = var.resource_group_name
  location             = var.location
  zones                = var.zones
  subnet_id            = var.subnet_id
  subnet_prefix        = var.subnet_prefix
  vm_size              = var.vm_size
  image_id             = var.image_id
  admin_username       = var.admin_username
  admin_ssh_public_key = var.admin_ssh_public_key
  data_disk_size_gb    = var.data_disk_size_gb
  custom_data          = [for instance in module.vms.layout : module.boot[instance.index].custom_data]
  tags                 = var.tags
}

locals {
  # ZooKeeper's data directory is the data disk's mount point (the zookeeper role's default).
  data_dir = "/var/lib/zookeeper"
  servers  = [for instance in module.vms.layout : { id = instance.index, name = instance.name, host = instance.private_ip }]
}

# Each server's boot: itself and its myid, every server of the ensemble, its data disk (LUN 0).
module "boot" {
  source   = "../node-boot"
  for_each = { for instance in module.vms.layout : instance.index => instance }

  role                = "zookeeper"
  cluster             = var.cluster_name
  node                = { name = each.value.name, host = each.value.private_ip, zookeeper_id = each.value.index }
  zookeepers          = local.servers
  masters             = []
  zookeeper_dir       = var.zookeeper_dir
  role_variables      = merge(var.role_variables, { zookeeper_data_dir = local.data_dir })
  configuration_store = var.configuration_store
  data_disk           = { device = "/dev/disk/azure/scsi1/lun0", label = "zookeeper", mount_point = local.data_dir }
}
