variable "name" {
  type        = string
  description = "Prefix of the VM names; VM i is <name>-<i>, i from 1."
}

variable "role" {
  type        = string
  description = "Role tag and purpose: zookeeper, spark-master or monitoring."
  validation {
    condition     = contains(["zookeeper", "spark-master", "monitoring"], var.role)
    error_message = "role must be zookeeper, spark-master or monitoring."
  }
}

variable "instance_count" {
  type        = number
  description = "Number of VMs."
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
  description = "Availability zones; VM i goes to zones[(i - 1) % length(zones)]."
}

variable "subnet_id" {
  type        = string
  description = "Subnet of the VMs."
}

variable "subnet_prefix" {
  type        = string
  description = "Address prefix of that subnet, for the static addresses."
}

variable "first_host_number" {
  type        = number
  description = "VM i gets the address cidrhost(subnet_prefix, first_host_number + i - 1): stable across applies."
  default     = 10
}

variable "vm_size" {
  type        = string
  description = "VM size."
}

variable "image_id" {
  type        = string
  description = "Golden image (Azure Compute Gallery image version id) built by image-build."
}

variable "admin_username" {
  type        = string
  description = "Admin user, reached by SSH key only."
}

variable "admin_ssh_public_key" {
  type        = string
  description = "Public SSH key of the admin user."
}

variable "custom_data" {
  type        = list(string)
  description = "Each VM's custom data (base64, modules/node-boot's custom_data), by index from 1 in list order."
  sensitive   = true
  validation {
    condition     = length(var.custom_data) == var.instance_count
    error_message = "custom_data needs one document per VM."
  }
}

variable "data_disk_size_gb" {
  type        = number
  description = "Size of a premium data disk at LUN 0 (ZooKeeper's data directory); 0 for none."
  default     = 0
}

variable "tags" {
  type        = map(string)
  description = "Tags for every resource."
  default     = {}
}
