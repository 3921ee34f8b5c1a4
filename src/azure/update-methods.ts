import path from 'node:path';
import { $ } from 'zx/core';
import { type VmssAccess, vmssInstanceIdsArguments, vmssReimageArguments, vmssSetImageArguments } from './remote-commands.js';
import type { ClusterNode } from '../core/cluster/topology.js';
import { ActionableError } from '../core/errors.js';
import type { NodeOperations } from '../core/nodes/node-operations.js';
import { type ToolResult, requireSuccess } from '../tools/tool-result.js';
import type { UpdateMethod } from '../core/rolling/update-method.js';

async function run(what: string, command: Promise<ToolResult>, fix: string): Promise<string> {
  return requireSuccess(await command, what, fix).stdout;
}

export interface AnsibleRun {
  readonly ansiblePlaybook: string;
  readonly inventory: string;
  readonly playbook: string;
  readonly extraVariablesFile?: string;
}

/** The site playbook limited to one node: its configuration converges, a stopped service starts, nothing restarts. */
export function ansibleConfigure(options: AnsibleRun): (node: ClusterNode) => Promise<void> {
  const extra = options.extraVariablesFile ? ['-e', `@${options.extraVariablesFile}`] : [];
  return async (node) => {
    await run(
      `ansible-playbook --limit ${node.name}`,
      $({
        nothrow: true,
        quiet: true,
        env: { ...process.env, ANSIBLE_CONFIG: path.join(path.dirname(options.playbook), 'ansible.cfg') },
      })`${options.ansiblePlaybook} -i ${options.inventory} ${options.playbook} --limit ${node.name} --skip-tags health ${extra}`,
      'Run the same command by hand for the full output.',
    );
  };
}

/** The site playbook limited to the node (configuration converges, nothing restarts), then a restart. */
export function ansibleUpdate(options: AnsibleRun, operations: NodeOperations): UpdateMethod {
  const configure = ansibleConfigure(options);
  return {
    description: `ansible ${path.basename(options.playbook)}`,
    apply: async (node) => {
      await configure(node);
      await operations.restart(node);
      return `${node.name}: playbook applied, restarted`;
    },
  };
}

/** Placeholders a user command may use: {name}, {host}, {role}. */
export function commandFor(template: readonly string[], node: ClusterNode): string[] {
  return template.map((word) => word.replace(/\{(name|host|role)\}/g, (_, key: 'name' | 'host' | 'role') => node[key]));
}

/** A user command per node that leaves the node running the new version (it restarts the node itself). */
export function commandUpdate(template: readonly string[]): UpdateMethod {
  return {
    description: `command: ${template.join(' ')}`,
    apply: async (node) => {
      const [program, ...args] = commandFor(template, node);
      await run(
        `update command for ${node.name}`,
        $({ nothrow: true, quiet: true, timeout: 1_800_000 })`${program!} ${args}`,
        'Check the command; it must exit 0 with the node running again.',
      );
      return `${node.name}: command succeeded`;
    },
  };
}

/**
 * Scale-set workers onto a new image: the scale set's model gets the image first, then each instance is
 * reimaged when the roll reaches it (its private IP is how the roll knows it).
 */
export function reimageUpdate(access: VmssAccess, imageId: string): UpdateMethod {
  let instances: Record<string, string> = {};
  return {
    description: `reimage ${access.scaleSet} onto ${imageId.split('/').at(-1)}`,
    prepare: async () => {
      await run(`az vmss update ${access.scaleSet}`, $({ nothrow: true, quiet: true })`az ${vmssSetImageArguments(access, imageId)}`, 'Check the image id and the Azure login.');
      const listing = await run(`az vmss nic list ${access.scaleSet}`, $({ nothrow: true, quiet: true })`az ${vmssInstanceIdsArguments(access)}`, 'Check the scale set name.');
      instances = Object.fromEntries((JSON.parse(listing) as { ip: string; id: string }[]).map((row) => [row.ip, row.id.split('/').at(-1)!]));
    },
    apply: async (node) => {
      if (node.role !== 'worker')
        throw new ActionableError(`Node ${node.name}`, 'a scale-set worker (reimage applies to workers only)', node.role, 'Use updateMethod ansible for ZooKeeper and masters.');
      const instance = instances[node.host];
      if (!instance) throw new ActionableError(`Worker ${node.host}`, `an instance of ${access.scaleSet}`, 'none with that address', 'Check workerScaleSet.');
      await run(
        `az vmss reimage ${instance}`,
        $({ nothrow: true, quiet: true, timeout: 1_800_000 })`az ${vmssReimageArguments(access, instance)}`,
        'Check the scale set in the portal.',
      );
      return `${node.name}: reimaged (instance ${instance})`;
    },
  };
}
