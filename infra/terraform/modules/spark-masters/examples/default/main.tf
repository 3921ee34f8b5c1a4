# spark-masters on the network module's masters subnet, from a golden image.
terraform {
  required_providers {
    azurerm = { source = "hashicorp/azurerm", version = "~> 5.0" }
  }
}

provider "azurerm" {
  features {}
  subscription_id = var.subscription_id
}

variable "subscription_id" {
  type        = string
  description = "Subscription to deploy the example into."
}

variable "image_id" {
  type        = string
  description = "Golden image version id (image-build output)."
}

variable "admin_ssh_public_key" {
  type        = string
  description = "Public SSH key of the admin user."
}

resource "azurerm_resource_group" "example" {
  name     = "rg-spark-dev-spark-masters"
  location = "westeurope"
}

module "network" {
  source = "../../../network"

  name                = "spark-dev"
  resource_group_name = azurerm_resource_group.example.name
  location            = azurerm_resource_group.example.location
}

module "this" {
  source = "../.."

  name                 = "spark-dev-spark-masters"
  master_count         = 2
  resource_group_name  = azurerm_resource_group.example.name
  location             = azurerm_resource_group.example.location
  subnet_id            = module.network.subnet_ids.masters
  subnet_prefix        = module.network.subnet_prefixes.masters
  image_id             = var.image_id
  admin_ssh_public_key = var.admin_ssh_public_key
  cluster_name         = "spark-dev"
  zookeeper_dir        = "/spark-azure/spark-dev"
  configuration_store  = { kind = "key-vault", key_vault_name = "kv-spark-dev", secret_name = "spark-azure-role-variables" }
  zookeepers           = [for i in range(3) : { id = i + 1, name = "spark-dev-zookeeper-${i + 1}", host = cidrhost(module.network.subnet_prefixes.zookeeper, 10 + i) }]
}

output "master_url" {
  description = "What the actions read from this module."
  value       = module.this.master_url
}
