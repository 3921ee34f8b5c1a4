import { describe, expect, it } from 'vitest';
import { type PlannedChange, orphanedOsDisks, readReconcilePlan } from '../../src/core/infra/reconcile-plan.js';

// Shaped as `terraform show -json` reports a VM deleted outside Terraform (its NIC and data disk survive).
const recreatedMaster: PlannedChange = {
  address: 'module.masters.module.vms.azurerm_linux_virtual_machine.this["1"]',
  type: 'azurerm_linux_virtual_machine',
  actions: ['create'],
  after: { name: 'vm-spark-prod-master-2', computer_name: 'spark-prod-master-2', os_disk: [{ caching: 'ReadWrite', storage_account_type: 'Premium_ZRS' }] },
};
const reattachedDisk: PlannedChange = {
  address: 'module.masters.module.vms.azurerm_virtual_machine_data_disk_attachment.data["1"]',
  type: 'azurerm_virtual_machine_data_disk_attachment',
  actions: ['create'],
  after: { lun: 0 },
};

describe('reconcile plan', () => {
  it('takes the VMs a plan creates, with their host names, and refuses nothing when creating is all it does', () => {
    const plan = readReconcilePlan([recreatedMaster, reattachedDisk]);
    expect(plan.recreatedVms).toEqual([{ address: recreatedMaster.address, vmName: 'vm-spark-prod-master-2', hostName: 'spark-prod-master-2' }]);
    expect(plan.otherChanges).toEqual([]);
  });

  it('names every change that is not a creation: an update, a replacement, a deletion', () => {
    const update = { address: 'azurerm_network_security_group.spark', type: 'azurerm_network_security_group', actions: ['update'] };
    const replace = { ...recreatedMaster, address: 'x', actions: ['delete', 'create'] };
    const deletion = { address: 'y', type: 'azurerm_managed_disk', actions: ['delete'] };
    expect(readReconcilePlan([recreatedMaster, update, replace, deletion]).otherChanges.map((change) => change.address)).toEqual([update.address, 'x', 'y']);
  });

  it('finds the OS disks a deleted VM left, by its fixed name or by the name Azure generates, never an attached one', () => {
    const fixed = { ...recreatedMaster, after: { ...recreatedMaster.after, os_disk: [{ name: 'osdisk-master-2' }] } };
    const vms = readReconcilePlan([fixed]).recreatedVms;
    const disks = [
      { id: '/d/1', name: 'osdisk-master-2', managedBy: null },
      { id: '/d/2', name: 'vm-spark-prod-master-2_OsDisk_1_0f3c9a2b', managedBy: null },
      { id: '/d/3', name: 'vm-spark-prod-master-2_OsDisk_1_77aa', managedBy: '/subscriptions/s/virtualMachines/vm-spark-prod-master-2' },
      { id: '/d/4', name: 'vm-spark-prod-master-1_OsDisk_1_0f3c9a2b', managedBy: null },
      { id: '/d/5', name: 'disk-spark-prod-master-2-data', managedBy: null },
    ];
    expect(orphanedOsDisks(disks, vms).map((disk) => disk.id)).toEqual(['/d/1', '/d/2']);
  });
});
