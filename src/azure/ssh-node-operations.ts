import { $ } from 'zx/core';
import type { ClusterNode } from '../core/cluster/topology.js';
import { requireSuccess } from '../tools/tool-result.js';
import type { NodeOperationName, NodeOperations } from '../core/nodes/node-operations.js';
import { type SshAccess, sshArguments, systemctlCommand } from './remote-commands.js';

/**
 * Node operations on Azure VMs over SSH (through a jump host when given) with systemd. Chosen over
 * `az vm run-command` for drills: a run-command takes tens of seconds and queues per VM, which would blur
 * the moment of the fault, and the runner must reach the nodes anyway to probe them.
 */
export function sshNodeOperations(access: SshAccess): NodeOperations {
  const run = (operation: NodeOperationName) => async (node: ClusterNode) => {
    const result = await $({ nothrow: true, quiet: true, timeout: 60_000 })`ssh ${sshArguments(access, node, systemctlCommand(operation, node.role))}`;
    requireSuccess(
      result,
      `'${operation}' over SSH on node ${node.name} (${node.host})`,
      'Check sshUser, sshPrivateKey and sshJumpHost, and that the user may run systemctl with sudo.',
    );
  };
  return { start: run('start'), stop: run('stop'), kill: run('kill'), crash: run('crash'), restart: run('restart'), pause: run('pause') };
}
