import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { parseToolJson } from '../tools/tool-answer.js';
import { type VmssAccess, vmssInstanceIdsArguments } from './remote-commands.js';

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
