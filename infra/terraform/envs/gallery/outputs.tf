output "gallery_resource_group" {
  description = "image-build's galleryResourceGroup input."
  value       = azurerm_resource_group.images.name
}

output "gallery_name" {
  description = "image-build's galleryName input."
  value       = azurerm_shared_image_gallery.this.name
}

output "image_name" {
  description = "image-build's imageName input."
  value       = azurerm_shared_image.spark_node.name
}

output "image_definition_id" {
  description = "Id of the image definition; envs/vm's image_id is one of its versions."
  value       = azurerm_shared_image.spark_node.id
}
