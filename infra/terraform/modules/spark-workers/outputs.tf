output "scale_set_id" {
  description = "Id of the worker scale set."
  value       = azurerm_orchestrated_virtual_machine_scale_set.workers.id
}

output "scale_set_name" {
  description = "Name of the worker scale set (rolling-update's workerScaleSet)."
  value       = azurerm_orchestrated_virtual_machine_scale_set.workers.name
}

output "identity_principal_id" {
  description = "Managed identity of the workers, for storage role assignments."
  value       = azurerm_user_assigned_identity.workers.principal_id
}
