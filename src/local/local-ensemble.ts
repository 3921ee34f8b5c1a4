import { rm } from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx/core';
import type { ZooKeeperNode } from '../core/cluster/topology.js';
import { ActionableError } from '../core/errors.js';
import { type EnsembleAccess, reconfigureArguments } from '../core/cluster/ensemble-membership.js';
import type { LocalCluster } from './local-cluster.js';
import { localTopology } from './local-topology.js';
import { nodeDir } from './paths.js';

export interface LocalEnsembleResize {
  /** Every server the resize knows: the current ones and the wanted ones (zk1..zkN on 127.0.0.11+). */
  readonly servers: readonly ZooKeeperNode[];
  readonly wantedVoterIds: readonly number[];
  readonly access: EnsembleAccess;
  /** Records the wanted servers as the cluster's and renders the masters' configuration (their ZooKeeper list) for them. */
  finish(): Promise<void>;
}

/**
 * The local cluster's side of resizing its ensemble to `count` servers: the inventory lists the servers of
 * both sizes once a joiner starts (as Terraform's count would on Azure), joiners are rendered by the roles
 * (which give them the running ensemble's membership plus themselves) and started, reconfig runs through a
 * member's own `zookeeper-reconfigure`, and a removed server is stopped and its directory removed.
 */
export async function localEnsembleResize(cluster: LocalCluster, count: number): Promise<LocalEnsembleResize> {
  const topology = await cluster.topology();
  const shape = { zookeeperCount: Math.max(count, topology.zookeepers.length), masterCount: topology.masters.length, workerCount: topology.workers.length };
  const servers = localTopology(shape).zookeepers;
  const wanted = localTopology({ ...shape, zookeeperCount: count }).zookeepers;
  const access: EnsembleAccess = {
    startJoiner: async (node) => {
      // The cluster lists both sizes' servers from the first joiner on (a halted resize leaves them listed).
      if (!(await cluster.topology()).zookeepers.some((server) => server.id === node.id)) await cluster.recordZooKeepers(servers);
      await cluster.render([node]);
      await cluster.processes.start(node);
    },
    reconfigure: async (through, change) => {
      const command = path.join(nodeDir(cluster.paths.clusterDir, through.name), 'bin', 'zookeeper-reconfigure');
      const result = await $({ nothrow: true, quiet: true, timeout: 60_000 })`${command} ${reconfigureArguments(change)}`;
      if (result.exitCode !== 0 || !result.stdout.includes('Committed new configuration')) {
        throw new ActionableError(
          `ZooKeeper reconfig through ${through.name}`,
          'the new membership committed',
          `exit ${result.exitCode}: ${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-4).join(' | ')}`,
          `Read ${through.name}'s log (\`spark-azure local logs ${through.name}\`); nothing further was changed.`,
        );
      }
      return result.stdout;
    },
    retire: async (node) => {
      await cluster.processes.stop(node);
      await rm(nodeDir(cluster.paths.clusterDir, node.name), { recursive: true, force: true });
    },
  };
  return {
    servers,
    wantedVoterIds: wanted.map((server) => server.id),
    access,
    finish: async () => {
      await cluster.recordZooKeepers(wanted);
      // Workers know only the masters. A master's running Curator already follows the membership; its
      // configuration is for its next start and for the latch release.
      await cluster.render((await cluster.topology()).masters);
    },
  };
}
