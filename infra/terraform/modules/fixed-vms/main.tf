resource "azurerm_network_interface" "this" {
  for_each = local.instances

  name                = "nic-${each.value.name}"
  resource_group_name = var.resource_group_name
  location            = var.location
  tags                = var.tags

  ip_configuration {
    name                          = "primary"
    subnet_id                     = var.subnet_id
    private_ip_address_allocation = "Static"
    private_ip_address            = each.value.private_ip
  }
}

resource "azurerm_linux_virtual_machine" "this" {
  for_each = local.instances

  name                            = "vm-${each.value.name}"
  computer_name                   = each.value.name
  resource_group_name             = var.resource_group_name
  location                        = var.location
  zone                            = each.value.zone
  size                            = var.vm_size
  source_image_id                 = var.image_id
  admin_username                  = var.admin_username
  disable_password_authentication = true
  encryption_at_host_enabled      = true
  secure_boot_enabled             = true
  vtpm_enabled                    = true
  # Extensions are how Azure runs code as root on a VM; nothing here needs them.
  allow_extension_operations = false
  network_interface_ids      = [azurerm_network_interface.this[each.key].id]
  tags                       = merge(var.tags, { role = var.role, "spark-azure-index" = tostring(each.key) })

  admin_ssh_key {
    username   = var.admin_username
    public_key = var.admin_ssh_public_key
  }

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_ZRS"
  }

  identity {
    type = "SystemAssigned"
  }

  # The boot path (modules/node-boot): the VM configures itself from this at every boot.
  custom_data = var.custom_data[tonumber(each.key) - 1]

  # Managed boot diagnostics: no storage account to secure.
  boot_diagnostics {}

  lifecycle {
    # A running VM is changed by rolling-update, never re-created for its custom data: a change reaches the
    # VMs re-created later (reconcile), which boot from the current one.
    ignore_changes = [custom_data]
  }
}

resource "azurerm_managed_disk" "data" {
  #checkov:skip=CKV_AZURE_93:Platform-managed keys plus encryption at host; customer-managed keys need a disk encryption set and Key Vault this module does not own.
  for_each = var.data_disk_size_gb > 0 ? local.instances : {}

  name                 = "disk-${each.value.name}-data"
  resource_group_name  = var.resource_group_name
  location             = var.location
  zone                 = each.value.zone
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = var.data_disk_size_gb
  # No export or import of the disk over the network.
  public_network_access_enabled = false
  network_access_policy         = "DenyAll"
  tags                          = var.tags
}

resource "azurerm_virtual_machine_data_disk_attachment" "data" {
  for_each = azurerm_managed_disk.data

  managed_disk_id    = each.value.id
  virtual_machine_id = azurerm_linux_virtual_machine.this[each.key].id
  lun                = 0
  caching            = "None"
}
