import { type ReachableMaster, type SparkMasterState, aliveOf } from '../spark/spark-master-probe.js';
import type { WorkerView } from '../spark/spark-master-json.js';
import type { ZooKeeperServerState } from '../zookeeper/zookeeper-probe.js';

/** One observation of the whole cluster, as every action reads it. Plain data: it goes into journals. */
export interface ClusterState {
  readonly observedAt: string;
  readonly zookeeper: readonly ZooKeeperServerState[];
  readonly masters: readonly SparkMasterState[];
}

export function zookeeperLeader(state: ClusterState): ZooKeeperServerState | undefined {
  return state.zookeeper.find((server) => server.serving && server.mode === 'leader');
}

export function aliveMasters(state: ClusterState): ReachableMaster[] {
  return aliveOf(state.masters);
}

/** The single ALIVE master, or undefined when there is none or (split brain) more than one. */
export function theAliveMaster(state: ClusterState): ReachableMaster | undefined {
  const alive = aliveMasters(state);
  return alive.length === 1 ? alive[0] : undefined;
}

/** Workers as the ALIVE master sees them; empty when no single master is ALIVE. */
export function workersAtAliveMaster(state: ClusterState): readonly WorkerView[] {
  return theAliveMaster(state)?.workers ?? [];
}

export function aliveWorkerHosts(state: ClusterState): string[] {
  return workersAtAliveMaster(state)
    .filter((worker) => worker.state === 'ALIVE')
    .map((worker) => worker.host);
}
