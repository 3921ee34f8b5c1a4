import { aliveMasters, type ClusterState, theAliveMaster, zookeeperLeader } from '../cluster/cluster-state.js';
import { assessZooKeeper } from '../cluster/health.js';
import { nodeAddress } from '../cluster/node-states.js';
import type { ClusterNode, ClusterTopology } from '../cluster/topology.js';
import type { RollingStep } from './rolling-plan.js';
import { canSpare } from './quorum.js';

/**
 * What must hold before a step may start (safe to take these nodes down now) and after it (the nodes are
 * back and healthy). Pure functions of one observation; each returns the problems, empty when it holds.
 */
export function safeToStart(step: RollingStep, topology: ClusterTopology, state: ClusterState): string[] {
  if (step.kind === 'zookeeper-follower' || step.kind === 'zookeeper-leader') {
    const problems = assessZooKeeper(state, topology.zookeepers.length);
    for (const node of step.nodes) if (!canSpare(state.zookeeper, nodeAddress(node))) problems.push(`the ensemble cannot spare ${node.name}`);
    return problems;
  }
  const alive = aliveMasters(state);
  if (alive.length !== 1) return [`expected exactly one ALIVE master, found ${alive.length}`];
  if (step.kind === 'alive-master') {
    const standbys = state.masters.filter((master) => master.reachable && master.status === 'STANDBY');
    if (standbys.length === 0) return ['no STANDBY master to take over from the ALIVE one'];
    if (alive[0]!.address !== nodeAddress(step.nodes[0]!)) return [`${step.nodes[0]!.name} is no longer the ALIVE master`];
  }
  return [];
}

/**
 * The gate after a step: every node of it back, and the cluster as healthy as before. After a ZooKeeper
 * step that includes every master's leader-election session being attached to a server again
 * (`detachedElectionSessions` 0): a master still reconnecting could yet lose its leadership.
 */
export function stepHealthy(step: RollingStep, topology: ClusterTopology, state: ClusterState, expectedWorkers: number, detachedElectionSessions = 0): string[] {
  const problems: string[] = [];
  const alive = aliveMasters(state);
  if (alive.length !== 1) problems.push(`expected exactly one ALIVE master, found ${alive.length}`);
  switch (step.kind) {
    case 'zookeeper-follower':
    case 'zookeeper-leader': {
      problems.push(...assessZooKeeper(state, topology.zookeepers.length));
      for (const node of step.nodes) {
        const server = state.zookeeper.find((candidate) => candidate.address === nodeAddress(node));
        if (!server?.serving) problems.push(`${node.name} is not serving`);
      }
      if (!zookeeperLeader(state)) problems.push('no ZooKeeper leader');
      if (detachedElectionSessions > 0) problems.push(`${detachedElectionSessions} masters' election sessions are not attached to any ZooKeeper server yet`);
      return problems;
    }
    case 'standby-master':
    case 'alive-master':
      for (const node of step.nodes) if (masterStatus(state, node) !== 'STANDBY') problems.push(`${node.name} is ${masterStatus(state, node)}, not back as STANDBY`);
      return [...problems, ...workerProblems(state, expectedWorkers, [])];
    case 'workers':
      return [...problems, ...workerProblems(state, expectedWorkers, step.nodes)];
  }
}

function masterStatus(state: ClusterState, node: ClusterNode): string {
  const master = state.masters.find((candidate) => candidate.address === nodeAddress(node));
  return master?.reachable ? master.status : 'down';
}

function workerProblems(state: ClusterState, expected: number, mustBeBack: readonly ClusterNode[]): string[] {
  const aliveMaster = theAliveMaster(state);
  if (!aliveMaster) return [];
  const alive = aliveMaster.workers.filter((worker) => worker.state === 'ALIVE').map((worker) => worker.host);
  const problems = alive.length < expected ? [`${alive.length} of ${expected} workers ALIVE at the ALIVE master`] : [];
  for (const node of mustBeBack) if (!alive.includes(node.host)) problems.push(`${node.name} is not registered ALIVE at the ALIVE master`);
  return problems;
}
