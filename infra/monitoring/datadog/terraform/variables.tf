variable "cluster" {
  type        = string
  description = "The cluster's name: the cluster:<name> tag spark-azure's Datadog checks put on everything."
}

variable "zookeeper_servers" {
  type        = number
  description = "ZooKeeper servers in the ensemble (3 or 5)."
  default     = 3
}

variable "expected_workers" {
  type        = number
  description = "Workers that must be ALIVE at the leading master (the scale set's minimum)."
}

variable "opsgenie_p1" {
  type        = string
  description = "Opsgenie (or Jira Service Management) service that takes P1 pages, as in @opsgenie-<service>."
}

variable "opsgenie_p3" {
  type        = string
  description = "Service that takes P3 notifications."
}
