import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { type ManagedDisk, type RecreatedVm, orphanedOsDisks } from '../core/infra/reconcile-plan.js';
import { parseToolJson } from '../tools/tool-answer.js';
import { requireSuccess } from '../tools/tool-result.js';
import { azDiskDeleteArguments, azDiskListArguments } from './remote-commands.js';

/** Deletes the unattached OS disks deleted VMs left behind; a disk attached to anything is never touched. */
export async function removeOrphanedOsDisks(resourceGroup: string, vms: readonly RecreatedVm[], log: Log): Promise<void> {
  const listing = await $({ nothrow: true, quiet: true })`az ${azDiskListArguments(resourceGroup)}`;
  requireSuccess(listing, `az disk list in ${resourceGroup}`, 'Sign in to Azure (azure/login) with a role that may read and delete disks in the resource group.');
  const orphans = orphanedOsDisks(parseToolJson<ManagedDisk[]>('az disk list', listing.stdout), vms);
  if (orphans.length === 0) return log.info('No OS disk left behind by the deleted VMs.');
  log.info(`Deleting OS disks the deleted VMs left behind: ${orphans.map((disk) => disk.name).join(', ')}`);
  const deletion = await $({ nothrow: true, quiet: true })`az ${azDiskDeleteArguments(orphans.map((disk) => disk.id))}`;
  requireSuccess(deletion, 'az disk delete', 'Delete the disks named above by hand, then run reconcile again; nothing else was changed.');
}
