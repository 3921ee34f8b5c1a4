output "virtual_network_id" {
  description = "Id of the VNet."
  value       = azurerm_virtual_network.this.id
}

output "subnet_ids" {
  description = "Subnet id per role: zookeeper, masters, workers, runners, monitoring."
  value       = { for role, subnet in azurerm_subnet.role : role => subnet.id }
}

output "subnet_prefixes" {
  description = "Address prefix per role, Bastion included."
  value       = local.subnets
}

output "bastion_name" {
  description = "Bastion host, for `az network bastion ssh --name <this> --target-ip-address <node>`."
  value       = azurerm_bastion_host.this.name
}
