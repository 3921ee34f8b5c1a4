output "cluster_name" {
  description = "AKS cluster name (az aks get-credentials --name <this> --resource-group <rg>)."
  value       = azurerm_kubernetes_cluster.this.name
}

output "resource_group_name" {
  description = "Resource group of the cluster."
  value       = azurerm_resource_group.cluster.name
}

output "oidc_issuer_url" {
  description = "OIDC issuer for workload identity federation (Spark pods reading storage)."
  value       = azurerm_kubernetes_cluster.this.oidc_issuer_url
}

output "spark_node_selector" {
  description = "Node selector that puts drivers and executors on the Spark pool."
  value       = { "spark-azure/workload" = "spark" }
}
