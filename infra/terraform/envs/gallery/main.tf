# The Azure Compute Gallery and the image definition that image-build publishes the golden image into.
# Applied once, before the first image-build: Packer publishes versions into an existing definition only.
locals {
  tags = merge(var.tags, { "managed-by" = "terraform" })
}

resource "azurerm_resource_group" "images" {
  name     = var.resource_group_name
  location = var.location
  tags     = local.tags
}

resource "azurerm_shared_image_gallery" "this" {
  name                = var.gallery_name
  resource_group_name = azurerm_resource_group.images.name
  location            = var.location
  description         = "spark-azure golden images"
  tags                = local.tags
}

# Gen2 with Trusted Launch supported: the cluster's VMs boot with secure boot and a vTPM, which only a Gen2
# definition that declares Trusted Launch support allows (Ubuntu 24.04's Gen2 image is the build's source).
resource "azurerm_shared_image" "spark_node" {
  name                     = var.image_name
  gallery_name             = azurerm_shared_image_gallery.this.name
  resource_group_name      = azurerm_resource_group.images.name
  location                 = var.location
  os_type                  = "Linux"
  hyper_v_generation       = "V2"
  architecture             = "x64"
  trusted_launch_supported = true
  description              = "Ubuntu 24.04 with Java 17, Spark, ZooKeeper and spark-azure's node pieces"
  tags                     = local.tags

  identifier {
    publisher = var.publisher
    offer     = "spark-azure"
    sku       = "spark-node"
  }
}
