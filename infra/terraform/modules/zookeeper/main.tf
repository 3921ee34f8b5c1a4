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
  tags                 = var.tags
}
