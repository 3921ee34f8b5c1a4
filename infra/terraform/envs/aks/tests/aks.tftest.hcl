# AKS for the Spark operator: private, Entra ID only, the two declared pools and no others, Spark on its own pool.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  subscription_id        = "00000000-0000-0000-0000-000000000000"
  name                   = "spark-test"
  location               = "westeurope"
  admin_group_object_ids = ["44444444-4444-4444-4444-444444444444"]
}

run "private_cluster_with_a_spark_pool" {
  assert {
    condition     = azurerm_kubernetes_cluster.this.private_cluster_enabled && azurerm_kubernetes_cluster.this.local_account_disabled
    error_message = "a private cluster without local accounts"
  }
  assert {
    condition     = azurerm_kubernetes_cluster.this.node_provisioning_profile[0].mode == "Manual"
    error_message = "AKS adds no node pools of its own choosing"
  }
  assert {
    condition     = azurerm_kubernetes_cluster_node_pool.spark.auto_scaling_enabled && azurerm_kubernetes_cluster_node_pool.spark.min_count == 2 && azurerm_kubernetes_cluster_node_pool.spark.max_count == 10
    error_message = "the Spark pool autoscales from 2 to 10"
  }
  assert {
    condition     = alltrue([for key, value in output.spark_node_selector : lookup(azurerm_kubernetes_cluster_node_pool.spark.node_labels, key, null) == value])
    error_message = "the node selector the smoke test's SparkApplication uses matches the Spark pool's labels"
  }
}
