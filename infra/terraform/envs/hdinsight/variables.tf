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
  description = "Cluster name (also the HDInsight DNS name: <name>.azurehdinsight.net)."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,57}[a-z0-9]$", var.name))
    error_message = "name must be 4-59 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "address_space" {
  type        = string
  description = "VNet address space; the cluster's subnet is its first /24."
  default     = "10.50.0.0/16"
}

variable "gateway_username" {
  type        = string
  description = "HTTPS gateway user (Ambari, Livy)."
  default     = "spark-admin"
}

variable "gateway_password" {
  type        = string
  description = "HTTPS gateway password: 10+ characters with upper and lower case, a digit and a symbol. Pass it from a secret."
  sensitive   = true
  validation {
    condition     = length(var.gateway_password) >= 10 && can(regex("[A-Z]", var.gateway_password)) && can(regex("[a-z]", var.gateway_password)) && can(regex("[0-9]", var.gateway_password)) && can(regex("[^A-Za-z0-9]", var.gateway_password))
    error_message = "gateway_password must have 10+ characters with upper and lower case letters, a digit and a symbol."
  }
}

variable "ssh_public_key" {
  type        = string
  description = "Public SSH key for the cluster nodes (no passwords)."
}

variable "head_node_vm_size" {
  type        = string
  description = "Head nodes (2, always)."
  default     = "Standard_E8_V3"
}

variable "worker_node_vm_size" {
  type        = string
  description = "Worker nodes."
  default     = "Standard_E8_V3"
}

variable "zookeeper_node_vm_size" {
  type        = string
  description = "ZooKeeper nodes (3, always)."
  default     = "Standard_A2_V2"
}

variable "worker_minimum" {
  type        = number
  description = "Workers at least (load-based autoscale)."
  default     = 2
  validation {
    condition     = var.worker_minimum >= 2
    error_message = "worker_minimum must be at least 2."
  }
}

variable "worker_maximum" {
  type        = number
  description = "Workers at most."
  default     = 10
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
