# The one boot path of every node: the facts the node configures itself from, as custom data. The image's
# spark-azure-boot unit reads node.json at every boot and runs the roles baked into the image; the local
# cluster renders this same module for its nodes.
locals {
  facts = {
    version             = 1
    cluster             = var.cluster
    role                = var.role
    node                = var.node
    zookeepers          = var.zookeepers
    masters             = var.masters
    zookeeper_dir       = var.zookeeper_dir
    role_variables      = var.role_variables
    configuration_store = { for key, value in var.configuration_store : key => value if value != null }
  }
  cloud_config = templatefile("${path.module}/node.yaml.tftpl", {
    role      = var.role
    cluster   = var.cluster
    facts_b64 = base64encode(jsonencode(local.facts))
    data_disk = var.data_disk
  })
}
