import type { ClusterState } from '../../src/core/cluster/cluster-state.js';
import type { WorkerView } from '../../src/core/spark/spark-master-json.js';
import type { SparkMasterState } from '../../src/core/spark/spark-master-probe.js';
import type { ZooKeeperServerState } from '../../src/core/zookeeper/zookeeper-probe.js';

/** Small builders for observed states, so that tests read like the situation they describe. */
export function leader(address: string, syncedFollowers: number, pendingSyncs = 0): ZooKeeperServerState {
  return { address, reachable: true, serving: true, mode: 'leader', syncedFollowers, pendingSyncs };
}

export function follower(address: string): ZooKeeperServerState {
  return { address, reachable: true, serving: true, mode: 'follower' };
}

export function zkDown(address: string): ZooKeeperServerState {
  return { address, reachable: false, serving: false, error: 'ECONNREFUSED' };
}

export function worker(host: string, state: WorkerView['state'] = 'ALIVE'): WorkerView {
  return { id: `worker-${host}`, host, port: 40000, state, cores: 2, coresUsed: 0, memoryMb: 1024 };
}

export function master(address: string, status: 'ALIVE' | 'STANDBY' | 'RECOVERING', workers: WorkerView[] = []): SparkMasterState {
  return {
    address,
    reachable: true,
    url: `spark://${address}`,
    status,
    workers,
    aliveWorkers: workers.filter((w) => w.state === 'ALIVE').length,
    activeApps: [],
    completedApps: [],
    activeDrivers: [],
    completedDrivers: [],
  };
}

export function masterDown(address: string): SparkMasterState {
  return { address, reachable: false, error: 'ECONNREFUSED' };
}

export function state(zookeeper: readonly ZooKeeperServerState[], masters: readonly SparkMasterState[]): ClusterState {
  return { observedAt: '2026-11-23T00:00:00.000Z', zookeeper, masters };
}

export const healthyState = (): ClusterState =>
  state([follower('zk1:2181'), leader('zk2:2181', 2), follower('zk3:2181')], [master('m1:7077', 'ALIVE', [worker('w1'), worker('w2')]), master('m2:7077', 'STANDBY')]);
