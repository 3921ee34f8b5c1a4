import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { parseToolJson } from '../tools/tool-answer.js';
import { requireSuccess } from '../tools/tool-result.js';
import { type VmssAccess, vmssInstanceIdsArguments, vmssScaleArguments } from './remote-commands.js';

/** One instance of a scale set: its private IP and its resource id. */
export interface ScaleSetInstance {
  readonly ip: string;
  readonly id: string;
}

/** The scale set's instances (az vmss nic list); undefined, with a warning, when az cannot list them. */
export async function listScaleSetInstances(access: VmssAccess, log: Log): Promise<ScaleSetInstance[] | undefined> {
  const listing = await $({ nothrow: true, quiet: true })`az ${vmssInstanceIdsArguments(access)}`;
  if (listing.exitCode !== 0) {
    log.warning(`Could not list the workers of ${access.scaleSet} (az exit ${listing.exitCode}); workers are not configured in this run.`);
    return undefined;
  }
  return parseToolJson<ScaleSetInstance[]>(`az vmss nic list ${access.scaleSet}`, listing.stdout);
}

/** Sets the scale set's capacity; resolves once Azure accepted it (the instances still have to boot or drain). */
export async function scaleScaleSet(access: VmssAccess, capacity: number): Promise<string> {
  const result = await $({ nothrow: true, quiet: true, timeout: 1_800_000 })`az ${vmssScaleArguments(access, capacity)} --no-wait`;
  requireSuccess(result, `az vmss scale ${access.scaleSet}`, 'Check the Azure login and workerScaleSet.');
  return `${access.scaleSet} capacity ${capacity}`;
}
