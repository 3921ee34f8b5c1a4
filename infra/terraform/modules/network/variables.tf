variable "name" {
  type        = string
  description = "Prefix of every resource name, e.g. spark-prod."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "name must be 3-32 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group that holds the network."
}

variable "location" {
  type        = string
  description = "Azure region, e.g. westeurope."
}

variable "address_space" {
  type        = string
  description = "VNet address space; each role gets a /24 inside it (ZooKeeper .1, masters .2, workers .3, runners .4, Bastion .5)."
  default     = "10.40.0.0/16"
  validation {
    condition     = can(cidrhost(var.address_space, 0)) && tonumber(split("/", var.address_space)[1]) <= 20
    error_message = "address_space must be a CIDR block of /20 or larger, e.g. 10.40.0.0/16."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
