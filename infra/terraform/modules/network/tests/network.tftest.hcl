# The network: a subnet per role, nothing open to the Internet, egress through the NAT gateway only.
mock_provider "azurerm" {
  source = "../../tests/mocks"
}

# Bastion checks the name inside its subnet's id.
override_resource {
  target = azurerm_subnet.bastion
  values = { id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-spark-test/providers/Microsoft.Network/virtualNetworks/vnet/subnets/AzureBastionSubnet" }
}

variables {
  name                = "spark-test"
  resource_group_name = "rg-spark-test"
  location            = "westeurope"
}

run "a_subnet_per_role_without_default_outbound_access" {
  assert {
    condition     = toset(keys(azurerm_subnet.role)) == toset(["zookeeper", "masters", "workers", "runners", "monitoring"])
    error_message = "one subnet per role"
  }
  assert {
    condition     = alltrue([for subnet in azurerm_subnet.role : !subnet.default_outbound_access_enabled])
    error_message = "no subnet has default outbound access: egress goes through the NAT gateway"
  }
  assert {
    condition     = length(azurerm_subnet_nat_gateway_association.role) == 5
    error_message = "every role subnet uses the NAT gateway"
  }
}

run "metrics_ports_open_to_the_monitoring_subnet_only" {
  assert {
    condition = alltrue([for key in ["zookeeper-metrics", "masters-metrics", "workers-metrics"] :
    azurerm_network_security_rule.allow[key].source_address_prefixes == toset([output.subnet_prefixes.monitoring])])
    error_message = "only the monitoring VM scrapes the nodes' metrics"
  }
}

run "nothing_is_open_to_the_internet" {
  assert {
    condition     = alltrue([for rule in azurerm_network_security_rule.allow : alltrue([for source in rule.source_address_prefixes : can(cidrhost(source, 0)) && startswith(source, "10.40.")])])
    error_message = "every allow rule admits only subnets of the VNet"
  }
  assert {
    condition     = alltrue([for rule in azurerm_network_security_rule.deny_other_inbound : rule.access == "Deny" && rule.priority < 65000])
    error_message = "each NSG denies everything else before Azure's defaults"
  }
  assert {
    condition     = toset(azurerm_network_security_rule.allow["zookeeper-zookeeper-quorum"].source_address_prefixes) == toset([output.subnet_prefixes.zookeeper])
    error_message = "ZooKeeper's quorum ports admit ZooKeeper servers only"
  }
}

run "a_small_address_space_is_rejected" {
  command = plan
  variables {
    address_space = "10.40.0.0/24"
  }
  expect_failures = [var.address_space]
}

run "no_rest_submission_port_and_no_zookeeper_for_workers" {
  assert {
    condition     = alltrue([for rule in azurerm_network_security_rule.allow : !contains(rule.destination_port_ranges, "6066")])
    error_message = "6066 (Spark's REST submission server, unauthenticated) must not be open."
  }
  assert {
    condition     = !contains(azurerm_network_security_rule.allow["zookeeper-zookeeper-client"].source_address_prefixes, output.subnet_prefixes.workers)
    error_message = "Workers never use ZooKeeper: 2181 must not be open to their subnet."
  }
}
