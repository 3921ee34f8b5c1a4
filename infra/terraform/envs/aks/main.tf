# Spark on Kubernetes: a private AKS cluster with a system pool and an autoscaled Spark pool. The Kubeflow
# Spark operator is installed by infra/ansible/aks-spark-operator.yml (Helm) once the cluster exists.
locals {
  tags = merge(var.tags, { "spark-azure-cluster" = var.name, "managed-by" = "terraform" })
}

data "azurerm_client_config" "current" {}

resource "azurerm_resource_group" "cluster" {
  name     = "rg-${var.name}"
  location = var.location
  tags     = local.tags
}

resource "azurerm_virtual_network" "cluster" {
  name                = "vnet-${var.name}"
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  address_space       = [var.address_space]
  tags                = local.tags
}

resource "azurerm_subnet" "nodes" {
  name                 = "snet-aks-nodes"
  resource_group_name  = azurerm_resource_group.cluster.name
  virtual_network_name = azurerm_virtual_network.cluster.name
  address_prefixes     = [cidrsubnet(var.address_space, 22 - tonumber(split("/", var.address_space)[1]), 0)]
}

resource "azurerm_network_security_group" "nodes" {
  name                = "nsg-${var.name}-aks"
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  tags                = local.tags
}

resource "azurerm_subnet_network_security_group_association" "nodes" {
  subnet_id                 = azurerm_subnet.nodes.id
  network_security_group_id = azurerm_network_security_group.nodes.id
}

resource "azurerm_kubernetes_cluster" "this" {
  #checkov:skip=CKV_AZURE_117:Node OS disks use platform encryption plus encryption at host; a disk encryption set needs a Key Vault this root does not own.
  #checkov:skip=CKV_AZURE_141:Local accounts are disabled (local_account_disabled = true); the check misreads the 4.x attribute.
  #checkov:skip=CKV_AZURE_4:Container Insights is a separate monitoring decision (docs: Prometheus and Grafana or Datadog).
  #checkov:skip=CKV_AZURE_172:The Key Vault secrets provider is not used: Spark reads storage through workload identity.
  name                              = "aks-${var.name}"
  resource_group_name               = azurerm_resource_group.cluster.name
  location                          = var.location
  dns_prefix                        = var.name
  sku_tier                          = "Standard"
  private_cluster_enabled           = true
  local_account_disabled            = true
  role_based_access_control_enabled = true
  oidc_issuer_enabled               = true
  workload_identity_enabled         = true
  azure_policy_enabled              = true
  automatic_upgrade_channel         = "patch"
  node_os_upgrade_channel           = "NodeImage"
  tags                              = local.tags

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled     = true
    tenant_id              = data.azurerm_client_config.current.tenant_id
    admin_group_object_ids = var.admin_group_object_ids
  }

  default_node_pool {
    name                         = "system"
    vm_size                      = var.system_vm_size
    node_count                   = 3
    zones                        = ["1", "2", "3"]
    vnet_subnet_id               = azurerm_subnet.nodes.id
    only_critical_addons_enabled = true
    host_encryption_enabled      = true
    max_pods                     = 50
    os_disk_type                 = "Ephemeral"

    upgrade_settings {
      max_surge = "33%"
    }
  }

  identity {
    type = "SystemAssigned"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "azure"
  }

  # azurerm 5.x requires the block. Manual: the node pools are the two declared here (node auto-provisioning
  # would let AKS add pools of its own choosing beside the Spark pool).
  node_provisioning_profile {
    mode = "Manual"
  }
}

resource "azurerm_kubernetes_cluster_node_pool" "spark" {
  name                    = "spark"
  kubernetes_cluster_id   = azurerm_kubernetes_cluster.this.id
  vm_size                 = var.spark_vm_size
  zones                   = ["1", "2", "3"]
  vnet_subnet_id          = azurerm_subnet.nodes.id
  auto_scaling_enabled    = true
  min_count               = var.spark_minimum
  max_count               = var.spark_maximum
  host_encryption_enabled = true
  max_pods                = 50
  os_disk_type            = "Ephemeral"
  node_labels             = { "spark-azure/workload" = "spark" }
  tags                    = local.tags

  upgrade_settings {
    max_surge = "33%"
  }
}
