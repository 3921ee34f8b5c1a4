# HDInsight behind private link: Microsoft's prerequisites in place, TLS 1.2, Livy's address for the smoke test.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

variables {
  subscription_id  = "00000000-0000-0000-0000-000000000000"
  name             = "spark-test"
  location         = "westeurope"
  gateway_password = "Gateway-Passw0rd-for-tests"
  ssh_public_key   = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl test"
}

run "private_link_prerequisites" {
  assert {
    condition     = !azurerm_subnet.cluster.private_link_service_network_policies_enabled
    error_message = "the cluster's subnet has the private link service network policies disabled"
  }
  assert {
    condition     = azurerm_subnet_nat_gateway_association.cluster.nat_gateway_id == azurerm_nat_gateway.cluster.id && !azurerm_subnet.cluster.default_outbound_access_enabled
    error_message = "outbound traffic leaves through the NAT gateway only"
  }
  assert {
    condition     = azurerm_hdinsight_spark_cluster.this.network[0].private_link_enabled && azurerm_hdinsight_spark_cluster.this.network[0].connection_direction == "Outbound"
    error_message = "the cluster is reached through private link, outbound only"
  }
  assert {
    condition     = azurerm_hdinsight_spark_cluster.this.tls_min_version == "1.2" && azurerm_hdinsight_spark_cluster.this.component_version[0].spark == "3.3"
    error_message = "TLS 1.2 and Spark 3.3 (HDInsight 5.1)"
  }
}

run "livy_for_the_smoke_test" {
  assert {
    condition     = output.livy_url == "https://spark-test.azurehdinsight.net/livy"
    error_message = "livy_url is the smoke test's livyUrl"
  }
}
