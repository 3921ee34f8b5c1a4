# What the provision, smoke-test and rolling-update actions read (see infra/README.md).

output "resource_group_name" {
  description = "Resource group of the cluster (azureResourceGroup)."
  value       = azurerm_resource_group.cluster.name
}

output "zookeeper_hosts" {
  description = "ZooKeeper servers with their myid: the Ansible inventory's zookeeper group."
  value       = module.zookeeper.hosts
}

output "zookeeper_connect" {
  description = "ZooKeeper connect string (the actions' zookeepers input)."
  value       = module.zookeeper.connect_string
}

output "master_hosts" {
  description = "Spark masters: the inventory's spark_masters group."
  value       = module.masters.hosts
}

output "master_url" {
  description = "spark://m1:7077,m2:7077 (the actions' masters input)."
  value       = module.masters.master_url
}

output "master_vm_names" {
  description = "VM names in master order (masterVmNames)."
  value       = module.masters.vm_names
}

output "spark_zookeeper_dir" {
  description = "spark.deploy.zookeeper.dir of this cluster (zookeeperDir)."
  value       = local.zookeeper_dir
}

output "worker_scale_set_id" {
  description = "Id of the worker scale set."
  value       = module.workers.scale_set_id
}

output "worker_scale_set_name" {
  description = "Name of the worker scale set (workerScaleSet)."
  value       = module.workers.scale_set_name
}

output "bastion_name" {
  description = "Bastion host for SSH: az network bastion ssh --name <this> --resource-group <rg> --target-ip-address <node>."
  value       = module.network.bastion_name
}

output "monitoring_host" {
  description = "Private IP of the monitoring VM (Prometheus :9090, Alertmanager :9093, Grafana :3000); empty without it."
  value       = var.monitoring_enabled ? module.monitoring[0].instances[0].private_ip : ""
}

output "alertmanager_url" {
  description = "Alertmanager's URL, for the drill's alertmanagerUrl; empty without the monitoring VM."
  value       = var.monitoring_enabled ? "http://${module.monitoring[0].instances[0].private_ip}:9093" : ""
}

output "configuration_store" {
  description = "The cluster's Key Vault and its secrets' names: the kept role variables (secret_name), which provision and rolling-update write and every node reads at boot, and the cluster secret (cluster_secret_name), which masters, workers and drivers authenticate with. Names only."
  value       = { key_vault_name = azurerm_key_vault.cluster.name, secret_name = azurerm_key_vault_secret.role_variables.name, cluster_secret_name = azurerm_key_vault_secret.cluster_secret.name }
}

output "boot_cloud_configs" {
  description = "The cloud-config each node boots from (modules/node-boot), by role: one per ZooKeeper server and master, the one every worker instance shares, the monitoring VM's."
  value = {
    zookeeper  = module.zookeeper.cloud_configs
    master     = module.masters.cloud_configs
    worker     = [module.workers.cloud_config]
    monitoring = var.monitoring_enabled ? [module.monitoring_boot[0].cloud_config] : []
  }
}
