import { type ClusterTopology, zookeeperClientAddress } from '../core/cluster/topology.js';
import type { DrillTargets } from '../operations/failover-drill.js';
import type { LocalCluster } from './local-cluster.js';

/** The local cluster as a drill (or a rolling update) sees it: its nodes, and processes to act on. */
export function localDrillTargets(cluster: LocalCluster, topology: ClusterTopology): DrillTargets {
  return {
    masters: topology.masters,
    zookeepers: topology.zookeepers.map(zookeeperClientAddress),
    sparkZooKeeperDir: topology.sparkZooKeeperDir,
    operations: cluster.nodeOperations(),
  };
}
