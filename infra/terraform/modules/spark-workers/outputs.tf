output "scale_set_id" {
  description = "Id of the worker scale set."
  value       = azurerm_orchestrated_virtual_machine_scale_set.workers.id
}

output "scale_set_name" {
  description = "Name of the worker scale set (rolling-update's workerScaleSet)."
  value       = azurerm_orchestrated_virtual_machine_scale_set.workers.name
}

output "identity_principal_id" {
  description = "Managed identity of the workers: it reads the configuration store at boot, and storage."
  value       = azurerm_user_assigned_identity.workers.principal_id
}

output "cloud_config" {
  description = "The cloud-config every instance boots from (modules/node-boot): what autoscale, repair and reimage give a new worker."
  value       = module.boot.cloud_config
}

output "worker_cores" {
  description = "Cores each worker offers executors."
  value       = local.worker_cores
}

output "worker_memory_mb" {
  description = "Memory (MiB) each worker offers executors."
  value       = local.worker_memory_mb
}
