locals {
  subnets = {
    zookeeper = cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 1)
    masters   = cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 2)
    workers   = cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 3)
    # Self-hosted runners and build agents: they run the actions, probe the cluster and host client-mode drivers.
    runners = cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 4)
    bastion = cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 5)
    # The monitoring VM: Prometheus, Alertmanager, the blackbox exporter, Grafana.
    monitoring = cidrsubnet(var.address_space, 24 - tonumber(split("/", var.address_space)[1]), 6)
  }

  # Inbound rules per role subnet, all from inside the VNet. Anything else (the Internet, other subnets,
  # other ports) hits the deny rule at priority 4000, before Azure's default AllowVnetInBound.
  rules = {
    zookeeper = [
      # Workers never speak to ZooKeeper (their masters are in their configuration): not open to them.
      { name = "zookeeper-client", ports = ["2181"], from = ["zookeeper", "masters", "runners"] },
      { name = "zookeeper-quorum", ports = ["2888", "3888"], from = ["zookeeper"] },
      { name = "ssh", ports = ["22"], from = ["bastion", "runners"] },
      # ZooKeeper's Prometheus metrics and the node exporter, for the monitoring VM only.
      { name = "metrics", ports = ["7000", "9100"], from = ["monitoring"] },
    ]
    masters = [
      { name = "spark-master", ports = ["7077"], from = ["masters", "workers", "runners"] },
      # Not 6066: the REST submission server takes jobs without authentication, and is off.
      { name = "spark-master-ui", ports = ["8080"], from = ["masters", "runners"] },
      { name = "ssh", ports = ["22"], from = ["bastion", "runners"] },
      # The web UI serves the metrics and the /json/ status the blackbox exporter probes.
      { name = "metrics", ports = ["8080", "9100"], from = ["monitoring"] },
    ]
    # Executors and workers talk on ports Spark picks at run time: any port, but only inside the cluster.
    workers = [
      { name = "spark-cluster", ports = ["1024-65535"], from = ["masters", "workers", "runners"] },
      { name = "ssh", ports = ["22"], from = ["bastion", "runners"] },
      { name = "metrics", ports = ["8081", "9100"], from = ["monitoring"] },
    ]
    # A client-mode driver on a runner receives connections from executors.
    runners = [
      { name = "spark-driver", ports = ["1024-65535"], from = ["workers"] },
      { name = "ssh", ports = ["22"], from = ["bastion"] },
    ]
    # Prometheus, Alertmanager and Grafana for the runners (the drill reads Alertmanager) and through Bastion.
    monitoring = [
      { name = "monitoring-ui", ports = ["9090", "9093", "3000"], from = ["runners", "bastion"] },
      { name = "ssh", ports = ["22"], from = ["bastion", "runners"] },
    ]
  }

  nsg_rules = flatten([
    for role, rules in local.rules : [
      for index, rule in rules : {
        key      = "${role}-${rule.name}"
        role     = role
        name     = rule.name
        priority = 100 + index * 10
        ports    = rule.ports
        sources  = [for source in rule.from : local.subnets[source]]
      }
    ]
  ])
}
