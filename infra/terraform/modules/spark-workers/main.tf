resource "azurerm_user_assigned_identity" "workers" {
  name                = "id-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags
}

locals {
  # vCPUs and memory (GiB) of the sizes a worker is usually given; another size needs worker_cores and
  # worker_memory_mb set.
  sizes = {
    Standard_D4ds_v5  = { vcpus = 4, memory_gib = 16 }
    Standard_D8ds_v5  = { vcpus = 8, memory_gib = 32 }
    Standard_D16ds_v5 = { vcpus = 16, memory_gib = 64 }
    Standard_D4s_v5   = { vcpus = 4, memory_gib = 16 }
    Standard_D8s_v5   = { vcpus = 8, memory_gib = 32 }
    Standard_D3_v2    = { vcpus = 4, memory_gib = 14 }
    Standard_D4_v2    = { vcpus = 8, memory_gib = 28 }
    Standard_E4ds_v5  = { vcpus = 4, memory_gib = 32 }
    Standard_E8ds_v5  = { vcpus = 8, memory_gib = 64 }
    Standard_E16ds_v5 = { vcpus = 16, memory_gib = 128 }
    Standard_E4s_v5   = { vcpus = 4, memory_gib = 32 }
    Standard_E8s_v5   = { vcpus = 8, memory_gib = 64 }
    Standard_F8s_v2   = { vcpus = 8, memory_gib = 16 }
  }
  size = lookup(local.sizes, var.vm_size, null)
  # What each worker offers executors: the size's vCPUs, and its memory less 1/8 for the OS and the daemons.
  worker_cores     = var.worker_cores != null ? var.worker_cores : try(local.size.vcpus, null)
  worker_memory_mb = var.worker_memory_mb != null ? var.worker_memory_mb : try(floor(local.size.memory_gib * 1024 * 7 / 8), null)
}

# Every instance's boot, the same for all: the masters; its own name and address come from the machine.
module "boot" {
  source = "../node-boot"

  role          = "worker"
  cluster       = var.cluster_name
  masters       = var.masters
  zookeeper_dir = var.zookeeper_dir
  role_variables = merge(
    { spark_worker_cores = tostring(coalesce(local.worker_cores, 1)), spark_worker_memory_mb = tostring(coalesce(local.worker_memory_mb, 1024)) },
    var.role_variables,
  )
  configuration_store = merge(var.configuration_store, { identity_client_id = azurerm_user_assigned_identity.workers.client_id })
}

resource "azurerm_orchestrated_virtual_machine_scale_set" "workers" {
  name                        = "vmss-${var.name}"
  resource_group_name         = var.resource_group_name
  location                    = var.location
  zones                       = var.zones
  platform_fault_domain_count = 1
  sku_name                    = var.vm_size
  instances                   = var.minimum_instances
  source_image_id             = var.image_id
  encryption_at_host_enabled  = true
  # The Application Health extension below is the only extension: instance repairs need a health signal.
  extension_operations_enabled = true
  tags                         = merge(var.tags, { role = "spark-worker" })

  # The boot path: every instance autoscale, repair or reimage creates configures itself from this. A change
  # updates the model only: instances created after it get it.
  os_profile {
    custom_data = module.boot.custom_data
    linux_configuration {
      admin_username                  = var.admin_username
      disable_password_authentication = true
      admin_ssh_key {
        username   = var.admin_username
        public_key = var.admin_ssh_public_key
      }
    }
  }

  network_interface {
    name    = "nic"
    primary = true
    ip_configuration {
      name      = "primary"
      primary   = true
      subnet_id = var.subnet_id
    }
  }

  os_disk {
    caching              = "ReadOnly"
    storage_account_type = "Premium_LRS"
  }

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.workers.id]
  }

  # A worker being scaled in gets a Terminate scheduled event this long before deletion; the image's
  # spark-azure-scheduled-events service decommissions the Spark worker (SIGPWR) and then approves it.
  termination_notification {
    enabled = true
    timeout = "PT${var.termination_notice_minutes}M"
  }

  # Each instance's health, as the image's spark-azure-worker-health endpoint judges it (loopback only):
  # Healthy while its Spark worker is registered ALIVE at the ALIVE master (rich health states).
  extension {
    name                               = "HealthExtension"
    publisher                          = "Microsoft.ManagedServices"
    type                               = "ApplicationHealthLinux"
    type_handler_version               = "2.0"
    auto_upgrade_minor_version_enabled = true
    settings = jsonencode({
      protocol          = "http"
      port              = var.health_port
      requestPath       = "/health"
      intervalInSeconds = 5
      numberOfProbes    = 3
      gracePeriod       = 600
    })
  }

  # An instance Unhealthy for longer than the grace period (a worker that will not register, a stuck VM)
  # is replaced; autoscale and repairs both keep the count.
  automatic_instance_repair {
    enabled      = true
    grace_period = "PT${var.instance_repair_grace_minutes}M"
    action       = "Replace"
  }

  boot_diagnostics {}

  lifecycle {
    # Autoscale owns the instance count after creation.
    ignore_changes = [instances]
    precondition {
      condition     = local.worker_cores != null && local.worker_memory_mb != null
      error_message = "vm_size ${var.vm_size} is not one whose vCPUs and memory spark-azure knows: set worker_cores and worker_memory_mb."
    }
  }
}

resource "azurerm_monitor_autoscale_setting" "workers" {
  name                = "autoscale-${var.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  target_resource_id  = azurerm_orchestrated_virtual_machine_scale_set.workers.id
  tags                = var.tags

  profile {
    name = "cpu-and-memory"

    capacity {
      default = var.minimum_instances
      minimum = var.minimum_instances
      maximum = var.maximum_instances
    }

    # Out when either CPU or memory runs short; in only when both are plentiful (Azure scales in only when
    # every scale-in rule holds), and more slowly, so a worker is not removed between two busy jobs.
    rule {
      metric_trigger {
        metric_name        = "Percentage CPU"
        metric_resource_id = azurerm_orchestrated_virtual_machine_scale_set.workers.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT5M"
        time_aggregation   = "Average"
        operator           = "GreaterThan"
        threshold          = var.scale_out_cpu_percent
      }
      scale_action {
        direction = "Increase"
        type      = "ChangeCount"
        value     = 1
        cooldown  = "PT5M"
      }
    }

    rule {
      metric_trigger {
        metric_name        = "Available Memory Percentage"
        metric_resource_id = azurerm_orchestrated_virtual_machine_scale_set.workers.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT5M"
        time_aggregation   = "Average"
        operator           = "LessThan"
        threshold          = var.scale_out_available_memory_percent
      }
      scale_action {
        direction = "Increase"
        type      = "ChangeCount"
        value     = 1
        cooldown  = "PT5M"
      }
    }

    rule {
      metric_trigger {
        metric_name        = "Percentage CPU"
        metric_resource_id = azurerm_orchestrated_virtual_machine_scale_set.workers.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT10M"
        time_aggregation   = "Average"
        operator           = "LessThan"
        threshold          = var.scale_in_cpu_percent
      }
      scale_action {
        direction = "Decrease"
        type      = "ChangeCount"
        value     = 1
        cooldown  = "PT15M"
      }
    }

    rule {
      metric_trigger {
        metric_name        = "Available Memory Percentage"
        metric_resource_id = azurerm_orchestrated_virtual_machine_scale_set.workers.id
        time_grain         = "PT1M"
        statistic          = "Average"
        time_window        = "PT10M"
        time_aggregation   = "Average"
        operator           = "GreaterThan"
        threshold          = var.scale_in_available_memory_percent
      }
      scale_action {
        direction = "Decrease"
        type      = "ChangeCount"
        value     = 1
        cooldown  = "PT15M"
      }
    }
  }
}
