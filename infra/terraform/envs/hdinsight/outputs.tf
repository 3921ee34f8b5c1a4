output "cluster_name" {
  description = "HDInsight cluster name."
  value       = azurerm_hdinsight_spark_cluster.this.name
}

output "livy_url" {
  description = "Livy's base URL: the smoke test's livyUrl input (target hdinsight)."
  value       = "https://${azurerm_hdinsight_spark_cluster.this.https_endpoint}/livy"
}

output "livy_batches_url" {
  description = "Livy endpoint for batch submissions (header X-Requested-By, gateway credentials)."
  value       = "https://${azurerm_hdinsight_spark_cluster.this.https_endpoint}/livy/batches"
}

output "ssh_endpoint" {
  description = "SSH endpoint of the head nodes (inside the VNet: the cluster is outbound-only)."
  value       = azurerm_hdinsight_spark_cluster.this.ssh_endpoint
}

output "storage_filesystem_url" {
  description = "Default file system: abfs://<filesystem>@<account>.dfs.core.windows.net/."
  value       = "abfs://${azurerm_storage_data_lake_gen2_filesystem.cluster.name}@${azurerm_storage_account.lake.name}.dfs.core.windows.net/"
}
