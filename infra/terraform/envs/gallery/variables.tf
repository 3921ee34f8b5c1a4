variable "subscription_id" {
  type        = string
  description = "Azure subscription of the gallery (azurerm requires it)."
  validation {
    condition     = can(regex("^[0-9a-fA-F-]{36}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the gallery (image-build's galleryResourceGroup)."
  default     = "rg-spark-azure-images"
}

variable "location" {
  type        = string
  description = "Region of the gallery and the image definition."
}

variable "gallery_name" {
  type        = string
  description = "Azure Compute Gallery name (image-build's galleryName): letters, digits, underscores and periods."
  default     = "spark_azure"
  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_.]{0,78}[A-Za-z0-9]$", var.gallery_name))
    error_message = "gallery_name must be 2-80 letters, digits, underscores or periods, starting and ending with a letter or digit."
  }
}

variable "image_name" {
  type        = string
  description = "Image definition the golden image's versions are published into (image-build's imageName)."
  default     = "spark-node"
}

variable "publisher" {
  type        = string
  description = "Publisher part of the image definition's identifier."
  default     = "spark-azure"
}

variable "tags" {
  type        = map(string)
  description = "Tags on every resource."
  default     = {}
}
