output "instances" {
  description = "Each VM by index (from 1): host name (the inventory name), VM resource name and id, private IP and zone."
  value = [
    for i, instance in local.instances : {
      index      = tonumber(i)
      name       = azurerm_linux_virtual_machine.this[i].computer_name
      vm_name    = azurerm_linux_virtual_machine.this[i].name
      id         = azurerm_linux_virtual_machine.this[i].id
      private_ip = instance.private_ip
      zone       = instance.zone
    }
  ]
}

output "layout" {
  description = "Each VM's index, host name, private IP and zone as planned, from the inputs alone: what a VM's custom data names before it exists."
  value       = [for i, instance in local.instances : { index = tonumber(i), name = instance.name, private_ip = instance.private_ip, zone = instance.zone }]
}

output "principal_ids" {
  description = "Managed identity of each VM, by name."
  value       = { for i, vm in azurerm_linux_virtual_machine.this : vm.name => vm.identity[0].principal_id }
}
