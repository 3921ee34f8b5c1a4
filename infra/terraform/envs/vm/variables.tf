variable "subscription_id" {
  type        = string
  description = "Azure subscription to deploy into (azurerm requires it)."
  validation {
    condition     = can(regex("^[0-9a-fA-F-]{36}$", var.subscription_id))
    error_message = "subscription_id must be a subscription GUID."
  }
}

variable "name" {
  type        = string
  description = "Cluster name: prefix of every resource and part of spark.deploy.zookeeper.dir."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}[a-z0-9]$", var.name))
    error_message = "name must be 3-22 lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "location" {
  type        = string
  description = "Azure region with availability zones, e.g. westeurope."
}

variable "address_space" {
  type        = string
  description = "VNet address space."
  default     = "10.40.0.0/16"
}

variable "image_id" {
  type        = string
  description = "Golden image version id from the image-build action."
}

variable "admin_ssh_public_key" {
  type        = string
  description = "Public SSH key for the admin user of every VM."
}

variable "zookeeper_count" {
  type        = number
  description = "ZooKeeper servers: 3 or 5."
  default     = 3
  validation {
    condition     = contains([3, 5], var.zookeeper_count)
    error_message = "zookeeper_count must be 3 or 5: an ensemble needs an odd number of servers, at least 3."
  }
}

variable "master_count" {
  type        = number
  description = "Spark masters: 2 or 3."
  default     = 2
  validation {
    condition     = contains([2, 3], var.master_count)
    error_message = "master_count must be 2 or 3."
  }
}

variable "worker_minimum" {
  type        = number
  description = "Workers at start and at least."
  default     = 2
  validation {
    condition     = var.worker_minimum >= 2
    error_message = "worker_minimum must be at least 2, so that losing a worker leaves one."
  }
}

variable "worker_maximum" {
  type        = number
  description = "Workers at most (autoscale)."
  default     = 10
}

variable "worker_vm_size" {
  type        = string
  description = "Worker VM size."
  default     = "Standard_E4ds_v5"
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}

variable "monitoring_enabled" {
  type        = bool
  description = "A monitoring VM (Prometheus, Alertmanager, Grafana) in its own subnet; false when Datadog or your own Prometheus watches the cluster."
  default     = true
}

variable "monitoring_vm_size" {
  type        = string
  description = "Size of the monitoring VM."
  default     = "Standard_D2s_v5"
}

variable "worker_cores" {
  type        = number
  description = "Cores each worker offers executors; null: the worker VM size's vCPUs."
  default     = null
}

variable "worker_memory_mb" {
  type        = number
  description = "Memory (MiB) each worker offers executors; null: 7/8 of the worker VM size's memory."
  default     = null
}

variable "key_vault_allowed_ips" {
  type        = list(string)
  description = "Public addresses (CIDR) of CI runners outside the VNet that write the configuration store; the cluster's subnets reach it through their service endpoint."
  default     = []
}

variable "cluster_secret" {
  type        = string
  description = "A fresh value for the cluster secret, which every Spark daemon and driver authenticates with. Ephemeral: Terraform writes it to Key Vault (write-only) when the secret is created or cluster_secret_version changes, and never keeps it in a plan or state. provision generates one for every run (TF_VAR_cluster_secret)."
  ephemeral   = true
  sensitive   = true
  validation {
    condition     = length(var.cluster_secret) >= 32
    error_message = "cluster_secret must be at least 32 characters: provision generates 43 (32 random bytes, base64url)."
  }
}

variable "cluster_secret_version" {
  type        = number
  description = "Bump to rotate the cluster secret: the next apply writes cluster_secret as its new value (docs/security.md: a rotation restarts every Spark daemon)."
  default     = 1
}
