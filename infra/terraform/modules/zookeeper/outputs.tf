output "hosts" {
  description = "Every server: its myid (stable, from 1), host name, private IP and zone."
  value       = [for instance in module.vms.instances : { id = instance.index, name = instance.name, host = instance.private_ip, zone = instance.zone }]
}

output "connect_string" {
  description = "ZooKeeper connect string for spark.deploy.zookeeper.url and the actions."
  value       = join(",", [for instance in module.vms.instances : "${instance.private_ip}:2181"])
}

output "principal_ids" {
  description = "Each VM's managed identity, by VM name (it reads the configuration store at boot)."
  value       = module.vms.principal_ids
}

output "cloud_configs" {
  description = "Each VM's cloud-config (modules/node-boot), in index order."
  value       = [for index in sort(keys(module.boot)) : module.boot[index].cloud_config]
}
