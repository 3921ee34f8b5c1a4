# The spark-azure golden image: Ubuntu 24.04 with Java 17, Spark, ZooKeeper, the node exporter and
# spark-azure's node pieces, installed by infra/ansible/image.yml. Published to an Azure Compute Gallery as
# image_version, which image-build derives from the content of this template and the Ansible roles.

# Packer 1.7 and later load builders and provisioners as plugins: `packer init` installs these (image-build
# runs it). The lower bounds are what the test suite builds from the Go module proxy and validates with;
# the ansible plugin needs 1.1.0 or later, whose SSH proxy works with OpenSSH 8.8 and later.
packer {
  required_version = ">= 1.7.0"
  required_plugins {
    azure = {
      source  = "github.com/hashicorp/azure"
      version = ">= 1.4.5, < 3.0.0"
    }
    ansible = {
      source  = "github.com/hashicorp/ansible"
      version = ">= 1.1.2, < 2.0.0"
    }
  }
}

variable "subscription_id" {
  type        = string
  description = "Subscription of the gallery and the build VM."
}

variable "location" {
  type        = string
  description = "Region of the build VM."
  default     = "westeurope"
}

variable "gallery_resource_group" {
  type        = string
  description = "Resource group of the Azure Compute Gallery."
}

variable "gallery_name" {
  type        = string
  description = "Azure Compute Gallery."
}

variable "image_name" {
  type        = string
  description = "Image definition in the gallery."
  default     = "spark-node"
}

# image-build writes the manifest into the run's temp directory, never beside the template.
variable "manifest_file" {
  type    = string
  default = "manifest.json"
}

variable "image_version" {
  type        = string
  description = "Major.Minor.Patch, from the content hash (image-build computes it)."
}

variable "replication_regions" {
  type        = list(string)
  description = "Regions the image version is replicated to; empty: the build location only."
  default     = []
}

locals {
  replication_regions = length(var.replication_regions) > 0 ? var.replication_regions : [var.location]
}

variable "managed_image_resource_group" {
  type        = string
  description = "Resource group of the managed image Packer also writes (the artifact it reports)."
}

variable "vm_size" {
  type        = string
  description = "Size of the temporary build VM."
  default     = "Standard_D4ds_v5"
}

variable "spark_version" {
  type        = string
  description = "Spark installed in the image: the same as the local cluster's pyspark."
  default     = "4.3.0"
}

variable "recovery_plugin_jar" {
  type        = string
  description = "spark-azure's leader-election plugin, built against that Spark (image-build builds it)."
}

variable "use_azure_cli_auth" {
  type        = bool
  description = "Authenticate with the Azure CLI's login (azure/login in the workflow)."
  default     = true
}

source "azure-arm" "spark_node" {
  subscription_id    = var.subscription_id
  use_azure_cli_auth = var.use_azure_cli_auth
  location           = var.location
  vm_size            = var.vm_size

  os_type         = "Linux"
  image_publisher = "Canonical"
  image_offer     = "ubuntu-24_04-lts"
  image_sku       = "server"
  # A Gen2 source: the gallery's definition (envs/gallery) is Gen2 with Trusted Launch supported, so the VMs
  # boot it with secure boot and a vTPM. The build VM itself cannot have them while Packer also writes a
  # managed image (the azure plugin refuses), and it does not need them.

  managed_image_name                = "spark-node-${var.image_version}"
  managed_image_resource_group_name = var.managed_image_resource_group

  shared_image_gallery_destination {
    subscription        = var.subscription_id
    resource_group      = var.gallery_resource_group
    gallery_name        = var.gallery_name
    image_name          = var.image_name
    image_version       = var.image_version
    replication_regions = local.replication_regions
  }

  azure_tags = {
    "spark-azure-image-version" = var.image_version
    "spark-version"             = var.spark_version
  }
}

build {
  sources = ["source.azure-arm.spark_node"]

  provisioner "ansible" {
    playbook_file = "../ansible/image.yml"
    extra_arguments = [
      "--extra-vars", "spark_version=${var.spark_version}",
      "--extra-vars", "spark_azure_node_recovery_plugin_src=${var.recovery_plugin_jar}",
    ]
    ansible_env_vars = ["ANSIBLE_CONFIG=../ansible/ansible.cfg"]
  }

  # Generalize the VM so that every instance made from the image gets its own identity.
  provisioner "shell" {
    execute_command = "chmod +x {{ .Path }}; {{ .Vars }} sudo -E sh '{{ .Path }}'"
    inline          = ["/usr/sbin/waagent -force -deprovision+user && export HISTSIZE=0 && sync"]
    skip_clean      = true
  }

  # image-build reads this: the entry of this run (packer_run_uuid) and its version.
  post-processor "manifest" {
    output     = var.manifest_file
    strip_path = true
    custom_data = {
      image_version = var.image_version
    }
  }
}
