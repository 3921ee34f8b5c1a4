import { aliveMasters, type ClusterState, zookeeperLeader } from '../cluster/cluster-state.js';
import { type HealthExpectations, assessMasters, assessWorkers, assessZooKeeper } from '../cluster/health.js';
import { nodeAddress } from '../cluster/node-states.js';
import type { ClusterNode, ClusterTopology, MasterNode, WorkerNode, ZooKeeperNode } from '../cluster/topology.js';
import { canSpare } from './quorum.js';

export type StepKind = 'zookeeper-follower' | 'zookeeper-leader' | 'standby-master' | 'alive-master' | 'workers';

/** One step of a roll: the nodes it takes down together (one, except for a batch of workers). */
export interface RollingStep {
  readonly kind: StepKind;
  readonly nodes: readonly ClusterNode[];
}

export type RollingPlan = { readonly ok: true; readonly steps: readonly RollingStep[] } | { readonly ok: false; readonly refusals: readonly string[] };

export interface PlanOptions {
  /** Workers restarted together. */
  readonly maxUnavailable: number;
  /** Roll only these nodes (by name), in the same safe order; undefined rolls every node. */
  readonly only?: ReadonlySet<string>;
}

/**
 * The roll, decided purely from one observation: ZooKeeper followers one at a time and the leader last;
 * standby masters, then the ALIVE master; then workers in batches. Refuses, with every reason, unless
 * the cluster is healthy: every ZooKeeper server serving with the leader reporting all followers synced
 * and no sync pending, exactly one ALIVE master and the rest STANDBY, every expected worker ALIVE.
 */
export function planRollingUpdate(topology: ClusterTopology, state: ClusterState, expectations: HealthExpectations, options: PlanOptions): RollingPlan {
  const refusals = [...assessZooKeeper(state, topology.zookeepers.length), ...assessMasters(state, topology.masters.length), ...assessWorkers(state, expectations)];
  const leader = zookeeperLeader(state);
  const alive = aliveMasters(state)[0];
  if (refusals.length > 0 || !leader || !alive) return { ok: false, refusals };

  const wanted = (node: ClusterNode) => options.only === undefined || options.only.has(node.name);
  const isLeader = (node: ZooKeeperNode) => nodeAddress(node) === leader.address;
  const isAlive = (node: MasterNode) => nodeAddress(node) === alive.address;
  for (const server of topology.zookeepers) {
    if (!canSpare(state.zookeeper, nodeAddress(server))) refusals.push(`the ensemble cannot spare ${server.name}: the others are not a majority`);
  }
  if (topology.masters.length < 2) refusals.push('a single master cannot be rolled without losing the ALIVE master');
  if (refusals.length > 0) return { ok: false, refusals };

  const steps: RollingStep[] = [
    ...topology.zookeepers.filter((node) => !isLeader(node) && wanted(node)).map((node): RollingStep => ({ kind: 'zookeeper-follower', nodes: [node] })),
    ...topology.zookeepers.filter((node) => isLeader(node) && wanted(node)).map((node): RollingStep => ({ kind: 'zookeeper-leader', nodes: [node] })),
    ...topology.masters.filter((node) => !isAlive(node) && wanted(node)).map((node): RollingStep => ({ kind: 'standby-master', nodes: [node] })),
    ...topology.masters.filter((node) => isAlive(node) && wanted(node)).map((node): RollingStep => ({ kind: 'alive-master', nodes: [node] })),
    ...batches(topology.workers.filter(wanted), options.maxUnavailable).map((nodes): RollingStep => ({ kind: 'workers', nodes })),
  ];
  return { ok: true, steps };
}

function batches(workers: readonly WorkerNode[], size: number): WorkerNode[][] {
  const result: WorkerNode[][] = [];
  for (let start = 0; start < workers.length; start += Math.max(1, size)) result.push(workers.slice(start, start + Math.max(1, size)));
  return result;
}

export function describeStep(step: RollingStep): string {
  const names = step.nodes.map((node) => node.name).join(', ');
  switch (step.kind) {
    case 'zookeeper-follower':
      return `ZooKeeper follower ${names}`;
    case 'zookeeper-leader':
      return `ZooKeeper leader ${names} (last)`;
    case 'standby-master':
      return `standby master ${names}`;
    case 'alive-master':
      return `ALIVE master ${names} (planned handover)`;
    case 'workers':
      return `workers ${names}`;
  }
}
