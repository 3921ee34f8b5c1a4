import { type ClusterTopology, zookeeperClientAddress } from '../core/cluster/topology.js';
import type { DrillCluster } from '../core/drill/drill-cluster.js';
import type { LocalCluster } from './local-cluster.js';

/** The local cluster as a drill sees it: its nodes, and processes to act on. */
export function localDrillCluster(cluster: LocalCluster, topology: ClusterTopology): DrillCluster {
  return {
    masters: topology.masters,
    zookeepers: topology.zookeepers.map(zookeeperClientAddress),
    sparkZooKeeperDir: topology.sparkZooKeeperDir,
    operations: cluster.nodeOperations(),
  };
}
