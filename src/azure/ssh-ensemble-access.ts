import { $ } from 'zx/core';
import type { ZooKeeperNode } from '../core/cluster/topology.js';
import { type EnsembleAccess, reconfigureArguments } from '../core/cluster/ensemble-membership.js';
import { requireSuccess } from '../tools/tool-result.js';
import { RETIRE_ZOOKEEPER_COMMAND, type SshAccess, sshArguments, zookeeperReconfigureCommand } from './remote-commands.js';

/**
 * Changing the ensemble on VMs: `configure` brings a joiner up (the site playbook limited to it: the role
 * gives it the running ensemble's membership plus itself and starts the service), reconfig runs over SSH on
 * a member through its own `zookeeper-reconfigure`, and a removed server's service is stopped and disabled.
 */
export function sshEnsembleAccess(access: SshAccess, configure: (node: ZooKeeperNode) => Promise<void>): EnsembleAccess {
  const ssh = async (node: ZooKeeperNode, command: string[], what: string) => {
    const result = await $({ nothrow: true, quiet: true, timeout: 120_000 })`ssh ${sshArguments(access, node, command)}`;
    requireSuccess(
      result,
      `${what} over SSH on ${node.name} (${node.host})`,
      'Check sshUser, sshPrivateKey and sshJumpHost, and that the user may sudo; nothing further was changed.',
    );
    return result.stdout;
  };
  return {
    startJoiner: configure,
    reconfigure: (through, change) => ssh(through, zookeeperReconfigureCommand(reconfigureArguments(change)), 'ZooKeeper reconfig'),
    retire: async (node) => void (await ssh(node, RETIRE_ZOOKEEPER_COMMAND, 'Stopping the removed ZooKeeper server')),
  };
}
