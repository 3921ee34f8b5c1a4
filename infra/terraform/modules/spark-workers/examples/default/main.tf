# The worker scale set on the network module's workers subnet: 2 to 6 workers.
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
  name     = "rg-spark-dev-workers"
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

  name                 = "spark-dev-worker"
  resource_group_name  = azurerm_resource_group.example.name
  location             = azurerm_resource_group.example.location
  subnet_id            = module.network.subnet_ids.workers
  image_id             = var.image_id
  admin_ssh_public_key = var.admin_ssh_public_key
  minimum_instances    = 2
  maximum_instances    = 6
  cluster_name         = "spark-dev"
  zookeeper_dir        = "/spark-azure/spark-dev"
  configuration_store  = { kind = "key-vault", key_vault_name = "kv-spark-dev", secret_name = "spark-azure-role-variables" }
  masters              = [for i in range(2) : { name = "spark-dev-spark-masters-${i + 1}", host = cidrhost(module.network.subnet_prefixes.masters, 10 + i) }]
}

output "scale_set_id" {
  description = "The worker scale set."
  value       = module.this.scale_set_id
}
