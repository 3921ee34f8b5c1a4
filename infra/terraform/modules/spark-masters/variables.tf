variable "name" {
  type        = string
  description = "Prefix of the VM names, e.g. spark-prod-master."
}

variable "master_count" {
  type        = number
  description = "Spark masters: 2 or 3 (one ALIVE, the others STANDBY)."
  default     = 2
  validation {
    condition     = contains([2, 3], var.master_count)
    error_message = "master_count must be 2 or 3."
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
  description = "Availability zones to spread the masters over."
  default     = ["1", "2", "3"]
  validation {
    condition     = length(distinct(var.zones)) >= 2
    error_message = "zones must name at least 2 distinct availability zones."
  }
}

variable "subnet_id" {
  type        = string
  description = "The masters' subnet."
}

variable "subnet_prefix" {
  type        = string
  description = "Address prefix of the masters' subnet."
}

variable "vm_size" {
  type        = string
  description = "VM size. A master holds only cluster metadata."
  default     = "Standard_D2ds_v5"
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

variable "zookeepers" {
  type        = list(object({ id = number, name = string, host = string }))
  description = "Every ZooKeeper server with its myid (the zookeeper module's hosts)."
}
