output "cloud_config" {
  description = "The cloud-config document: node.json for spark-azure-boot, and the data disk's setup."
  value       = local.cloud_config
}

output "custom_data" {
  description = "The same, base64-encoded, as a VM's or a scale set's custom_data takes it."
  value       = base64encode(local.cloud_config)
}

output "facts" {
  description = "What node.json holds."
  value       = local.facts
}
