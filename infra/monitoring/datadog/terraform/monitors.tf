# Datadog monitors for a spark-azure cluster, from the checks the datadog_checks role writes: the
# http_check on each master's /json/ (up only for the ALIVE one), the spark check, OpenMetrics for the
# masters' worker counts, the zk check. Datadog collects every 5-15 s, too coarse to tell a crash (5-7 s
# without an ALIVE master) from a planned handover (under 2 s): these page on outages that last, and the
# failover drill's pager proof belongs to the Prometheus and Alertmanager route.
locals {
  scope    = "cluster:${var.cluster}"
  p1       = "@opsgenie-${var.opsgenie_p1}"
  p3       = "@opsgenie-${var.opsgenie_p3}"
  runbook  = "https://github.com/org/spark-azure/blob/v1/docs/runbook.md"
  majority = floor(var.zookeeper_servers / 2) + 1
  tags     = ["spark-azure", local.scope]
}

resource "datadog_monitor" "no_alive_master" {
  name     = "[${var.cluster}] No ALIVE Spark master"
  type     = "metric alert"
  priority = 1
  query    = "max(last_2m):sum:network.http.can_connect{check_group:spark-master-alive,${local.scope}} < 1"
  message  = "No master of ${var.cluster} answers ALIVE at /json/: no application can start. ${local.runbook}#sparknoalivemaster ${local.p1}"
  monitor_thresholds {
    critical = 1
  }
  notify_no_data    = true
  no_data_timeframe = 10
  tags              = local.tags
}

resource "datadog_monitor" "split_brain" {
  name     = "[${var.cluster}] Two ALIVE Spark masters"
  type     = "metric alert"
  priority = 1
  query    = "min(last_2m):sum:network.http.can_connect{check_group:spark-master-alive,${local.scope}} > 1"
  message  = "Two masters of ${var.cluster} are ALIVE at once. ${local.runbook}#sparksplitbrain ${local.p1}"
  monitor_thresholds {
    critical = 1
  }
  tags = local.tags
}

resource "datadog_monitor" "workers_missing" {
  name     = "[${var.cluster}] Workers missing at the leading master"
  type     = "metric alert"
  priority = 3
  # The highest count across masters: a STANDBY reports 0.
  query   = "max(last_5m):max:spark_azure.master.alive_workers{${local.scope}} < ${var.expected_workers}"
  message = "Fewer than ${var.expected_workers} workers ALIVE at the leading master of ${var.cluster}. ${local.runbook}#sparkworkersmissing ${local.p3}"
  monitor_thresholds {
    critical = var.expected_workers
  }
  tags = local.tags
}

resource "datadog_monitor" "zookeeper_quorum" {
  name     = "[${var.cluster}] ZooKeeper without quorum"
  type     = "metric alert"
  priority = 1
  query    = "max(last_2m):sum:zookeeper.instances.leader{${local.scope}} + sum:zookeeper.instances.follower{${local.scope}} < ${local.majority}"
  message  = "Fewer than ${local.majority} ZooKeeper servers of ${var.cluster} serve as leader or follower. ${local.runbook}#zookeeperquorumlost ${local.p1}"
  monitor_thresholds {
    critical = local.majority
  }
  tags = local.tags
}

resource "datadog_monitor" "zookeeper_no_leader" {
  name     = "[${var.cluster}] ZooKeeper without a leader"
  type     = "metric alert"
  priority = 1
  query    = "max(last_2m):sum:zookeeper.instances.leader{${local.scope}} < 1"
  message  = "No ZooKeeper server of ${var.cluster} leads. ${local.runbook}#zookeepernoleader ${local.p1}"
  monitor_thresholds {
    critical = 1
  }
  tags = local.tags
}

resource "datadog_monitor" "zookeeper_latency" {
  name     = "[${var.cluster}] ZooKeeper slow"
  type     = "metric alert"
  priority = 3
  query    = "avg(last_5m):max:zookeeper.latency.avg{${local.scope}} by {host} > 100"
  message  = "ZooKeeper on {{host.name}} answers in over 100 ms on average. ${local.runbook}#zookeeperslow ${local.p3}"
  monitor_thresholds {
    critical = 100
  }
  tags = local.tags
}

resource "datadog_monitor" "data_disk" {
  name     = "[${var.cluster}] Data disk filling"
  type     = "metric alert"
  priority = 3
  # The Agent's host tags must carry cluster:<name> (datadog.dd's datadog_config tags).
  query   = "max(last_10m):max:system.disk.in_use{${local.scope}} by {host,device} > 0.9"
  message = "{{device.name}} on {{host.name}} is over 90 % full. ${local.runbook}#datadiskfilling ${local.p3}"
  monitor_thresholds {
    critical = 0.9
  }
  tags = local.tags
}
