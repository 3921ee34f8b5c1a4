import type { SparkMasterState } from '../probes/spark-master-probe.js';
import type { WorkerView } from '../probes/spark-master-json.js';
import type { ZooKeeperServerState } from '../probes/zookeeper-probe.js';

/** One observation of the whole cluster, as every action reads it. Plain data: it goes into journals. */
export interface ClusterState {
  readonly observedAt: string;
  readonly zookeeper: readonly ZooKeeperServerState[];
  readonly masters: readonly SparkMasterState[];
}

export function zookeeperLeader(state: ClusterState): ZooKeeperServerState | undefined {
  return state.zookeeper.find((server) => server.serving && server.mode === 'leader');
}

export function aliveMasters(state: ClusterState): SparkMasterState[] {
  return state.masters.filter((master) => master.reachable && master.status === 'ALIVE');
}

/** The single ALIVE master, or undefined when there is none or (split brain) more than one. */
export function theAliveMaster(state: ClusterState): (SparkMasterState & { reachable: true }) | undefined {
  const alive = aliveMasters(state);
  return alive.length === 1 ? (alive[0] as SparkMasterState & { reachable: true }) : undefined;
}

/** Workers as the ALIVE master sees them; empty when no single master is ALIVE. */
export function workersAtLeader(state: ClusterState): readonly WorkerView[] {
  return theAliveMaster(state)?.workers ?? [];
}

export function aliveWorkerHosts(state: ClusterState): string[] {
  return workersAtLeader(state)
    .filter((worker) => worker.state === 'ALIVE')
    .map((worker) => worker.host);
}
