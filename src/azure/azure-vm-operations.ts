import { $ } from 'zx/core';
import type { ClusterNode } from '../core/cluster/topology.js';
import { ActionableError } from '../core/errors.js';
import { requireSuccess } from '../tools/tool-result.js';
import { type AzureVmAccess, type VmOperation, azVmArguments } from './remote-commands.js';

/** Whole-machine faults, restores and deletion through the Azure CLI (the runner must be logged in: azure/login). */
export function azureVmOperations(access: AzureVmAccess): Record<VmOperation, (node: ClusterNode) => Promise<void>> {
  const run = (operation: VmOperation) => async (node: ClusterNode) => {
    const vm = access.vmNames[node.name];
    if (!vm) throw new ActionableError(`Node ${node.name}`, 'a VM name (input masterVmNames)', 'none', 'List one VM name per master, in the order of masters.');
    const result = await $({ nothrow: true, quiet: true, timeout: 900_000 })`az ${azVmArguments(access, vm, operation)}`;
    requireSuccess(result, `az vm ${operation} ${vm}`, 'Check the Azure login and the resource group.');
  };
  return { restart: run('restart'), deallocate: run('deallocate'), start: run('start'), delete: run('delete') };
}
