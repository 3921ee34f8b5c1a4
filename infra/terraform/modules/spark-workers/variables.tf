variable "name" {
  type        = string
  description = "Prefix of the scale set name, e.g. spark-prod-worker."
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the scale set."
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "zones" {
  type        = list(string)
  description = "Availability zones the workers spread over."
  default     = ["1", "2", "3"]
}

variable "subnet_id" {
  type        = string
  description = "The workers' subnet."
}

variable "vm_size" {
  type        = string
  description = "Worker VM size: executors' cores and memory come from it."
  default     = "Standard_E4ds_v5"
}

variable "image_id" {
  type        = string
  description = "Golden image id (image-build output)."
}

variable "admin_username" {
  type        = string
  description = "Admin user (SSH key only)."
  default     = "azureuser"
}

variable "admin_ssh_public_key" {
  type        = string
  description = "Public SSH key of the admin user."
}

variable "minimum_instances" {
  type        = number
  description = "Workers the scale set starts with and never goes below."
  default     = 2
  validation {
    condition     = var.minimum_instances >= 2
    error_message = "minimum_instances must be at least 2, so that losing a worker leaves one."
  }
}

variable "maximum_instances" {
  type        = number
  description = "Upper bound for autoscale."
  default     = 10
}

variable "scale_out_cpu_percent" {
  type        = number
  description = "Add a worker when average CPU over 5 minutes exceeds this."
  default     = 75
}

variable "scale_in_cpu_percent" {
  type        = number
  description = "Remove a worker when average CPU over 10 minutes is below this (and memory is plentiful)."
  default     = 25
}

variable "scale_out_available_memory_percent" {
  type        = number
  description = "Add a worker when average available memory over 5 minutes falls below this."
  default     = 20
}

variable "scale_in_available_memory_percent" {
  type        = number
  description = "Remove a worker only while average available memory stays above this."
  default     = 60
}

variable "termination_notice_minutes" {
  type        = number
  description = "How long a worker being scaled in has to decommission (move shuffle and cached blocks) before Azure deletes it."
  default     = 10
  validation {
    condition     = var.termination_notice_minutes >= 5 && var.termination_notice_minutes <= 15
    error_message = "termination_notice_minutes must be from 5 to 15 (Azure's range)."
  }
}

variable "health_port" {
  type        = number
  description = "Port of the workers' health endpoint on loopback (the spark_worker role's spark_worker_health_port)."
  default     = 8091
}

variable "instance_repair_grace_minutes" {
  type        = number
  description = "How long a new or repaired worker may stay Unhealthy before automatic instance repairs replace it."
  default     = 15
  validation {
    condition     = var.instance_repair_grace_minutes >= 10 && var.instance_repair_grace_minutes <= 90
    error_message = "instance_repair_grace_minutes must be from 10 to 90 (Azure's range)."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}

variable "cluster_name" {
  type        = string
  description = "The cluster's name, as its nodes know it (spark_azure_cluster_name)."
}

variable "zookeeper_dir" {
  type        = string
  description = "spark.deploy.zookeeper.dir of the cluster, for the nodes' boot."
}

variable "role_variables" {
  type        = map(string)
  description = "Role variables the nodes are created with (non-secret; the kept ones come from the configuration store at boot)."
  default     = {}
}

variable "configuration_store" {
  type = object({
    kind                = string
    key_vault_name      = optional(string)
    secret_name         = optional(string)
    identity_client_id  = optional(string)
    path                = optional(string)
    cluster_secret_name = optional(string)
    cluster_secret_path = optional(string)
  })
  description = "Where the nodes read the cluster's kept role variables at boot (modules/node-boot)."
}

variable "masters" {
  type        = list(object({ name = string, host = string }))
  description = "Every Spark master (the spark-masters module's hosts): all a worker needs to join."
}

variable "worker_cores" {
  type        = number
  description = "Cores each worker offers executors; null: the VM size's vCPUs."
  default     = null
  validation {
    condition     = var.worker_cores == null || try(var.worker_cores >= 1, false)
    error_message = "worker_cores must be at least 1, or null for the VM size's vCPUs."
  }
}

variable "worker_memory_mb" {
  type        = number
  description = "Memory each worker offers executors; null: 7/8 of the VM size's memory (the rest for the OS and the daemons)."
  default     = null
}
