resource "azurerm_virtual_network" "this" {
  name                = "vnet-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  address_space       = [var.address_space]
  tags                = var.tags
}

resource "azurerm_subnet" "role" {
  for_each = { for role, prefix in local.subnets : role => prefix if role != "bastion" }

  name                            = "snet-${each.key}"
  resource_group_name             = var.resource_group_name
  virtual_network_name            = azurerm_virtual_network.this.name
  address_prefixes                = [each.value]
  default_outbound_access_enabled = false
  # The nodes and runners reach the cluster's Key Vault (the configuration store) from inside the VNet.
  service_endpoint {
    service = "Microsoft.KeyVault"
  }
}

resource "azurerm_subnet" "bastion" {
  #checkov:skip=CKV2_AZURE_31:Azure Bastion's subnet takes only Microsoft's prescribed NSG rule set; Bastion itself exposes no VM port to the Internet.
  # Azure requires this exact name for Bastion's subnet.
  name                 = "AzureBastionSubnet"
  resource_group_name  = var.resource_group_name
  virtual_network_name = azurerm_virtual_network.this.name
  address_prefixes     = [local.subnets.bastion]
}

resource "azurerm_network_security_group" "role" {
  for_each = local.rules

  name                = "nsg-${var.name}-${each.key}"
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags
}

resource "azurerm_network_security_rule" "allow" {
  for_each = { for rule in local.nsg_rules : rule.key => rule }

  name                         = "allow-${each.value.name}"
  resource_group_name          = var.resource_group_name
  network_security_group_name  = azurerm_network_security_group.role[each.value.role].name
  priority                     = each.value.priority
  direction                    = "Inbound"
  access                       = "Allow"
  protocol                     = "Tcp"
  source_port_range            = "*"
  destination_port_ranges      = each.value.ports
  source_address_prefixes      = each.value.sources
  destination_address_prefixes = [local.subnets[each.value.role]]
}

resource "azurerm_network_security_rule" "deny_other_inbound" {
  for_each = local.rules

  # Below the allow rules, above Azure's defaults (65000+), which would allow the whole VNet.
  name                        = "deny-other-inbound"
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.role[each.key].name
  priority                    = 4000
  direction                   = "Inbound"
  access                      = "Deny"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
}

resource "azurerm_subnet_network_security_group_association" "role" {
  for_each = local.rules

  subnet_id                 = azurerm_subnet.role[each.key].id
  network_security_group_id = azurerm_network_security_group.role[each.key].id
}

# Egress without public IPs on the VMs: packages, Azure APIs, Spark downloads.
resource "azurerm_public_ip" "nat" {
  name                = "pip-${var.name}-nat"
  resource_group_name = var.resource_group_name
  location            = var.location
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
  tags                = var.tags
}

resource "azurerm_nat_gateway" "this" {
  name                = "ng-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  sku_name            = "Standard"
  tags                = var.tags
}

resource "azurerm_nat_gateway_public_ip_association" "this" {
  nat_gateway_id       = azurerm_nat_gateway.this.id
  public_ip_address_id = azurerm_public_ip.nat.id
}

resource "azurerm_subnet_nat_gateway_association" "role" {
  for_each = azurerm_subnet.role

  subnet_id      = each.value.id
  nat_gateway_id = azurerm_nat_gateway.this.id
}

# SSH reaches the VMs only through Bastion (native client tunnelling: az network bastion ssh).
resource "azurerm_public_ip" "bastion" {
  name                = "pip-${var.name}-bastion"
  resource_group_name = var.resource_group_name
  location            = var.location
  allocation_method   = "Static"
  sku                 = "Standard"
  zones               = ["1", "2", "3"]
  tags                = var.tags
}

resource "azurerm_bastion_host" "this" {
  name                = "bas-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  sku                 = "Standard"
  tunneling_enabled   = true
  tags                = var.tags

  ip_configuration {
    name                 = "bastion"
    subnet_id            = azurerm_subnet.bastion.id
    public_ip_address_id = azurerm_public_ip.bastion.id
  }
}
