import type { ClusterTopology } from '../../src/core/cluster/topology.js';
import { topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { readLocalClusterSecret } from '../../src/local/local-cluster-secret.js';

/** A ZooKeeper session as the local cluster's own tools open it: authenticated with its secret when it runs closed. */
export function openClusterSession(cluster: LocalCluster, topology: ClusterTopology, options: { sessionTimeoutMs?: number } = {}): Promise<ZooKeeperSession> {
  return ZooKeeperSession.open(topologyZooKeeperConnect(topology), { ...options, clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) });
}
