variable "role" {
  type        = string
  description = "The node's role: zookeeper, master, worker or monitoring."
  validation {
    condition     = contains(["zookeeper", "master", "worker", "monitoring"], var.role)
    error_message = "role must be zookeeper, master, worker or monitoring."
  }
}

variable "cluster" {
  type        = string
  description = "The cluster's name (spark_azure_cluster_name)."
}

variable "node" {
  type = object({
    name         = string
    host         = string
    zookeeper_id = optional(number)
  })
  description = "The node's own host name and address (and myid for a ZooKeeper server); null for scale-set instances, which take them from the machine."
  default     = null
}

variable "zookeepers" {
  type        = list(object({ id = number, name = string, host = string }))
  description = "Every ZooKeeper server, with its myid; empty for workers, which never talk to ZooKeeper."
  default     = []
}

variable "masters" {
  type        = list(object({ name = string, host = string }))
  description = "Every Spark master; empty for ZooKeeper servers."
  default     = []
}

variable "zookeeper_dir" {
  type        = string
  description = "spark.deploy.zookeeper.dir of the cluster."
}

variable "role_variables" {
  type        = map(string)
  description = "Role variables this node is created with (worker cores and memory from its size, ZooKeeper's data directory): never a secret."
  default     = {}
  validation {
    condition     = alltrue([for name in keys(var.role_variables) : can(regex("^[a-z][a-z0-9_]*$", name)) && !can(regex("(password|secret|token|api_key|private_key|access_key|credential)", name))])
    error_message = "role_variables are written into custom data: role variable names only, and nothing that names a secret (passwords, keys and tokens belong in the configuration store)."
  }
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
  description = "Where the node reads the cluster's kept role variables and (masters and workers) the cluster secret at boot: Key Vault secrets read with its managed identity (kind key-vault: secret_name, cluster_secret_name), or files (kind file, the local cluster: path, cluster_secret_path). Names only, never a value."
  validation {
    condition     = contains(["key-vault", "file"], var.configuration_store.kind)
    error_message = "configuration_store.kind must be key-vault or file."
  }
}

variable "data_disk" {
  type = object({
    device      = string
    label       = string
    mount_point = string
  })
  description = "A data disk cloud-init partitions, formats (once) and mounts before the node configures itself; null for none."
  default     = null
}
