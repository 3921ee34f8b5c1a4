# HDInsight Spark: 2 head nodes, 3 ZooKeeper nodes and autoscaled workers, Spark on YARN, managed by Azure.
# Jobs go through Livy (POST https://<name>.azurehdinsight.net/livy/batches) instead of spark://.
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

resource "azurerm_subnet" "cluster" {
  name                 = "snet-hdinsight"
  resource_group_name  = azurerm_resource_group.cluster.name
  virtual_network_name = azurerm_virtual_network.cluster.name
  address_prefixes     = [cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 1)]
  # Private link (Microsoft's prerequisites for HDInsight): the cluster's private link service lives in this
  # subnet, which must have the private link service network policies disabled, and outbound traffic needs a
  # NAT gateway (or a firewall) because the cluster's load balancers have no outbound rules.
  private_link_service_network_policies_enabled = false
  default_outbound_access_enabled               = false

  service_endpoint {
    service = "Microsoft.Storage"
  }
}

resource "azurerm_public_ip" "nat" {
  name                = "pip-${var.name}-nat"
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
  tags                = local.tags
}

resource "azurerm_nat_gateway" "cluster" {
  name                = "ng-${var.name}"
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  sku_name            = "Standard"
  tags                = local.tags
}

resource "azurerm_nat_gateway_public_ip_association" "cluster" {
  nat_gateway_id       = azurerm_nat_gateway.cluster.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "cluster" {
  subnet_id      = azurerm_subnet.cluster.id
  nat_gateway_id = azurerm_nat_gateway.cluster.id
}

resource "azurerm_network_security_group" "cluster" {
  name                = "nsg-${var.name}"
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  tags                = local.tags
}

# Outbound-only cluster (private link): Azure manages it through the resource provider, no inbound rule.
resource "azurerm_subnet_network_security_group_association" "cluster" {
  subnet_id                 = azurerm_subnet.cluster.id
  network_security_group_id = azurerm_network_security_group.cluster.id
}

resource "azurerm_storage_account" "lake" {
  #checkov:skip=CKV2_AZURE_1:Microsoft-managed keys; a customer-managed key needs a Key Vault this root does not own.
  #checkov:skip=CKV2_AZURE_33:HDInsight reaches the lake through the subnet's service endpoint, not a private endpoint.
  #checkov:skip=CKV_AZURE_33:Queue logging does not apply: the account holds a Data Lake file system only.
  #checkov:skip=CKV_AZURE_206:Zone-redundant storage (ZRS) is chosen: a zone failure keeps the data; geo-replication is a separate decision.
  #checkov:skip=CKV2_AZURE_38:Soft delete of a Data Lake file system is managed by the lake's owners, not this root.
  #checkov:skip=CKV2_AZURE_40:HDInsight's Gen2 driver still needs shared-key authorization for some operations.
  #checkov:skip=CKV2_AZURE_41:No SAS tokens are issued by this root.
  #checkov:skip=CKV_AZURE_59:The firewall denies by default; HDInsight reaches the lake through its subnet's service endpoint, which works on the public endpoint only.
  name                            = substr(replace("st${var.name}lake", "-", ""), 0, 24)
  resource_group_name             = azurerm_resource_group.cluster.name
  location                        = var.location
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  account_kind                    = "StorageV2"
  is_hns_enabled                  = true
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  local_user_enabled              = false
  public_network_access_enabled   = true
  tags                            = local.tags

  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices"]
    virtual_network_subnet_ids = [azurerm_subnet.cluster.id]
  }
}

resource "azurerm_storage_data_lake_gen2_filesystem" "cluster" {
  name               = var.name
  storage_account_id = azurerm_storage_account.lake.id
}

resource "azurerm_user_assigned_identity" "cluster" {
  name                = "id-${var.name}"
  resource_group_name = azurerm_resource_group.cluster.name
  location            = var.location
  tags                = local.tags
}

resource "azurerm_role_assignment" "lake" {
  scope                = azurerm_storage_account.lake.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_user_assigned_identity.cluster.principal_id
}

resource "azurerm_hdinsight_spark_cluster" "this" {
  #checkov:skip=CKV_AZURE_168:Disk encryption with a customer key needs a Key Vault this root does not own; data at rest is encrypted by the platform.
  name                          = var.name
  resource_group_name           = azurerm_resource_group.cluster.name
  location                      = var.location
  cluster_version               = "5.1"
  tier                          = "Standard"
  tls_min_version               = "1.2"
  encryption_in_transit_enabled = true
  tags                          = local.tags

  component_version {
    spark = "3.3"
  }

  gateway {
    username = var.gateway_username
    password = var.gateway_password
  }

  storage_account_gen2 {
    storage_account_id        = azurerm_storage_account.lake.id
    filesystem_id             = azurerm_storage_data_lake_gen2_filesystem.cluster.id
    user_assigned_identity_id = azurerm_user_assigned_identity.cluster.id
    is_default                = true
  }

  network {
    connection_direction = "Outbound"
    private_link_enabled = true
  }

  roles {
    head_node {
      vm_size            = var.head_node_vm_size
      username           = "sshuser"
      ssh_keys           = [var.ssh_public_key]
      subnet_id          = azurerm_subnet.cluster.id
      virtual_network_id = azurerm_virtual_network.cluster.id
    }

    worker_node {
      vm_size               = var.worker_node_vm_size
      username              = "sshuser"
      ssh_keys              = [var.ssh_public_key]
      subnet_id             = azurerm_subnet.cluster.id
      virtual_network_id    = azurerm_virtual_network.cluster.id
      target_instance_count = var.worker_minimum

      autoscale {
        capacity {
          min_instance_count = var.worker_minimum
          max_instance_count = var.worker_maximum
        }
      }
    }

    zookeeper_node {
      vm_size            = var.zookeeper_node_vm_size
      username           = "sshuser"
      ssh_keys           = [var.ssh_public_key]
      subnet_id          = azurerm_subnet.cluster.id
      virtual_network_id = azurerm_virtual_network.cluster.id
    }
  }

  # The role lets the cluster reach its lake; the NAT gateway gives it the outbound path private link needs.
  depends_on = [azurerm_role_assignment.lake, azurerm_subnet_nat_gateway_association.cluster, azurerm_nat_gateway_public_ip_association.cluster]
}
