variable "subscription_id" {
  type        = string
  description = "Azure subscription to deploy into."
  validation {
    condition     = can(regex("^[0-9a-fA-F-]{36}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "name" {
  type        = string
  description = "Cluster name, prefix of every resource."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "name must be 3-32 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "location" {
  type        = string
  description = "Azure region with availability zones."
}

variable "address_space" {
  type        = string
  description = "VNet address space; the node subnet is its first /22."
  default     = "10.60.0.0/16"
}

variable "admin_group_object_ids" {
  type        = list(string)
  description = "Entra ID groups that administer the cluster (local accounts are disabled)."
}

variable "system_vm_size" {
  type        = string
  description = "System node pool VM size."
  default     = "Standard_D4ds_v5"
}

variable "spark_vm_size" {
  type        = string
  description = "Spark node pool VM size (drivers and executors)."
  default     = "Standard_E8ds_v5"
}

variable "spark_minimum" {
  type        = number
  description = "Spark nodes at least."
  default     = 2
  validation {
    condition     = var.spark_minimum >= 2
    error_message = "spark_minimum must be at least 2."
  }
}

variable "spark_maximum" {
  type        = number
  description = "Spark nodes at most (cluster autoscaler)."
  default     = 10
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
