output "hosts" {
  description = "Every server: its myid (stable, from 1), host name, private IP and zone."
  value       = [for instance in module.vms.instances : { id = instance.index, name = instance.name, host = instance.private_ip, zone = instance.zone }]
}

output "connect_string" {
  description = "ZooKeeper connect string for spark.deploy.zookeeper.url and the actions."
  value       = join(",", [for instance in module.vms.instances : "${instance.private_ip}:2181"])
}
