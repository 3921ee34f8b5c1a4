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
  tags                 = var.tags
}
