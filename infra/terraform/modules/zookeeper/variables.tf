variable "name" {
  type        = string
  description = "Prefix of the VM names, e.g. spark-prod-zk."
}

variable "zookeeper_count" {
  type        = number
  description = "Servers in the ensemble: 3 or 5. An odd count keeps a majority after a failure; 5 survives two."
  default     = 3
  validation {
    condition     = contains([3, 5], var.zookeeper_count)
    error_message = "zookeeper_count must be 3 or 5: an ensemble needs an odd number of servers, at least 3."
  }
}

variable "resource_group_name" {
  type        = string
  description = "Resource group of the VMs."
}

variable "location" {
  type        = string
  description = "Azure region."
}

variable "zones" {
  type        = list(string)
  description = "Availability zones to spread the servers over (at least 3, so that losing a zone keeps a majority)."
  default     = ["1", "2", "3"]
  validation {
    condition     = length(distinct(var.zones)) >= 3
    error_message = "zones must name at least 3 distinct availability zones."
  }
}

variable "subnet_id" {
  type        = string
  description = "The ZooKeeper subnet."
}

variable "subnet_prefix" {
  type        = string
  description = "Address prefix of the ZooKeeper subnet."
}

variable "vm_size" {
  type        = string
  description = "VM size. ZooKeeper needs little CPU but steady disk latency."
  default     = "Standard_D2ds_v5"
}

variable "data_disk_size_gb" {
  type        = number
  description = "Premium data disk for the data directory, apart from the OS disk."
  default     = 64
  validation {
    condition     = var.data_disk_size_gb >= 32
    error_message = "data_disk_size_gb must be at least 32."
  }
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
