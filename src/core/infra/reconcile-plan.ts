/**
 * Reconcile on Azure: Terraform's refresh finds a VM deleted outside Terraform gone and plans to create it
 * again, with its name, static IP (its NIC survives) and index. Reconcile applies such a plan only when
 * creating is all it does; anything else is a change for plan and apply, with their approval.
 */

export interface PlannedChange {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  /** The planned values (`change.after` of `terraform show -json`); unknown ones are absent. */
  readonly after?: Readonly<Record<string, unknown>>;
}

export interface RecreatedVm {
  readonly address: string;
  readonly vmName: string;
  /** The computer name: the node's host name in the inventory (Ansible's --limit). */
  readonly hostName: string;
  /** The OS disk's name when the root fixes it; Azure generates `<vm>_OsDisk_1_<hex>` otherwise. */
  readonly osDiskName?: string;
}

export interface ReconcilePlan {
  readonly recreatedVms: readonly RecreatedVm[];
  /** Changes that are not pure creations: reconcile refuses the plan while there is any. */
  readonly otherChanges: readonly PlannedChange[];
}

const VM_TYPES = new Set(['azurerm_linux_virtual_machine', 'azurerm_windows_virtual_machine']);

export function readReconcilePlan(changes: readonly PlannedChange[]): ReconcilePlan {
  const creations = changes.filter((change) => change.actions.length === 1 && change.actions[0] === 'create');
  const recreatedVms = creations
    .filter((change) => VM_TYPES.has(change.type))
    .map((change): RecreatedVm => {
      const after = change.after ?? {};
      const vmName = String(after.name ?? change.address);
      const osDisk = (Array.isArray(after.os_disk) ? after.os_disk[0] : undefined) as { name?: unknown } | undefined;
      return {
        address: change.address,
        vmName,
        hostName: String(after.computer_name ?? vmName),
        ...(typeof osDisk?.name === 'string' && osDisk.name !== '' ? { osDiskName: osDisk.name } : {}),
      };
    });
  return { recreatedVms, otherChanges: changes.filter((change) => !creations.includes(change)) };
}

export interface ManagedDisk {
  readonly id: string;
  readonly name: string;
  /** The VM the disk is attached to; null when it is attached to none. */
  readonly managedBy: string | null;
}

/**
 * OS disks a deleted VM left behind, which would stop its re-creation ("Disk ... already exists",
 * azurerm#23038) or cost money for nothing: unattached disks named as the VM's OS disk, or as Azure names
 * an OS disk it generated for that VM. A disk attached to anything is never one of them.
 */
export function orphanedOsDisks(disks: readonly ManagedDisk[], vms: readonly RecreatedVm[]): ManagedDisk[] {
  return disks.filter(
    (disk) => disk.managedBy === null && vms.some((vm) => disk.name === vm.osDiskName || disk.name.toLowerCase().startsWith(`${vm.vmName.toLowerCase()}_osdisk_`)),
  );
}
