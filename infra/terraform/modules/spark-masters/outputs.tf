output "hosts" {
  description = "Every master: host name, private IP and zone."
  value       = [for instance in module.vms.instances : { name = instance.name, host = instance.private_ip, zone = instance.zone }]
}

output "master_url" {
  description = "The full master list, as spark-submit and the workers take it."
  value       = "spark://${join(",", [for instance in module.vms.instances : "${instance.private_ip}:7077"])}"
}

output "vm_names" {
  description = "VM names in master order (the actions' masterVmNames)."
  value       = [for instance in module.vms.instances : instance.vm_name]
}

output "principal_ids" {
  description = "Each VM's managed identity, by VM name (it reads the configuration store at boot)."
  value       = module.vms.principal_ids
}

output "cloud_configs" {
  description = "Each VM's cloud-config (modules/node-boot), in index order."
  value       = [for index in sort(keys(module.boot)) : module.boot[index].cloud_config]
}
