# The network for a cluster named spark-dev: role subnets, NSGs, NAT gateway and Bastion.
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

resource "azurerm_resource_group" "example" {
  name     = "rg-spark-dev-network"
  location = "westeurope"
}

module "network" {
  source = "../.."

  name                = "spark-dev"
  resource_group_name = azurerm_resource_group.example.name
  location            = azurerm_resource_group.example.location
}

output "subnet_ids" {
  description = "Subnet per role."
  value       = module.network.subnet_ids
}
