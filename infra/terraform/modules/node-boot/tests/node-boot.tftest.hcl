# The boot path's custom data, rendered for each role: what node.json holds, and the data disk's setup.
variables {
  cluster       = "spark-test"
  masters       = [{ name = "spark-test-master-1", host = "10.40.2.10" }, { name = "spark-test-master-2", host = "10.40.2.11" }]
  zookeeper_dir = "/spark-azure/spark-test"
  configuration_store = {
    kind               = "key-vault"
    key_vault_name     = "kv-spark-test-1a2b3"
    secret_name        = "spark-azure-role-variables"
    identity_client_id = "22222222-2222-2222-2222-222222222222"
  }
}

run "a_worker_knows_the_masters_and_not_itself_nor_zookeeper" {
  command = plan
  variables {
    role           = "worker"
    role_variables = { spark_worker_cores = "4" }
  }
  assert {
    condition     = startswith(output.cloud_config, "#cloud-config\n") && base64decode(output.custom_data) == output.cloud_config
    error_message = "custom data is the cloud-config document, base64-encoded"
  }
  assert {
    condition     = output.facts.node == null && length(output.facts.zookeepers) == 0 && length(output.facts.masters) == 2
    error_message = "a scale-set worker takes its name and address from the machine, and knows no ZooKeeper server"
  }
  assert {
    condition     = jsondecode(base64decode(regex("content: ([A-Za-z0-9+/=]+)", output.cloud_config)[0])) == jsondecode(jsonencode(output.facts))
    error_message = "node.json in the document holds the facts"
  }
  assert {
    condition     = !strcontains(output.cloud_config, "disk_setup")
    error_message = "no data disk, no disk setup"
  }
}

run "a_zookeeper_server_mounts_its_data_disk" {
  command = plan
  variables {
    role       = "zookeeper"
    node       = { name = "spark-test-zk-1", host = "10.40.1.10", zookeeper_id = 1 }
    zookeepers = [{ id = 1, name = "spark-test-zk-1", host = "10.40.1.10" }]
    data_disk  = { device = "/dev/disk/azure/scsi1/lun0", label = "zookeeper", mount_point = "/var/lib/zookeeper" }
  }
  assert {
    condition     = strcontains(output.cloud_config, "[LABEL=zookeeper, /var/lib/zookeeper, ext4,") && strcontains(output.cloud_config, "overwrite: false")
    error_message = "the data disk is formatted once and mounted"
  }
  assert {
    condition     = output.facts.node.zookeeper_id == 1
    error_message = "the server knows its myid"
  }
}

run "a_secret_is_refused_from_custom_data" {
  command = plan
  variables {
    role           = "master"
    role_variables = { prometheus_opsgenie_api_key = "x" }
  }
  expect_failures = [var.role_variables]
}
