import { probeCluster } from '../core/cluster/cluster-probe.js';
import type { ClusterState } from '../core/cluster/cluster-state.js';
import { workersAtAliveMaster } from '../core/cluster/cluster-state.js';
import { assessCluster, problemsOf } from '../core/cluster/health.js';
import { type HostPort, formatHostPort } from '../core/inputs/host-port.js';

export interface ClusterStatus {
  readonly healthy: boolean;
  readonly problems: readonly string[];
  /** Every node the probes saw: each ZooKeeper server's mode, each master's status, each worker's state at the ALIVE master. */
  readonly nodes: readonly { readonly role: 'zookeeper' | 'master' | 'worker'; readonly address: string; readonly state: string }[];
  readonly state: ClusterState;
}

/**
 * Any cluster's status from its addresses alone (what `local status` shows for the local cluster): the
 * ZooKeeper servers' four-letter words and the masters' JSON endpoints, read only.
 */
export async function clusterStatus(cluster: {
  readonly masters: readonly HostPort[];
  readonly zookeepers: readonly HostPort[];
  readonly masterWebUiPort: number;
  readonly minimumWorkers: number;
}): Promise<ClusterStatus> {
  const masters = cluster.masters.map((master) => ({ address: formatHostPort(master), webUiUrl: `http://${master.host}:${cluster.masterWebUiPort}` }));
  const state = await probeCluster({ zookeepers: cluster.zookeepers, masters });
  const health = assessCluster(state, { zookeeperCount: cluster.zookeepers.length, masterCount: cluster.masters.length, minimumWorkers: cluster.minimumWorkers });
  return {
    healthy: health.healthy,
    problems: problemsOf(health),
    nodes: [
      ...state.zookeeper.map((server) => ({
        role: 'zookeeper' as const,
        address: server.address,
        state: !server.reachable ? 'down' : server.serving ? (server.mode ?? 'serving') : 'not serving',
      })),
      ...state.masters.map((master) => ({ role: 'master' as const, address: master.address, state: master.reachable ? master.status : 'down' })),
      ...workersAtAliveMaster(state).map((worker) => ({ role: 'worker' as const, address: `${worker.host}:${worker.port}`, state: worker.state })),
    ],
    state,
  };
}
