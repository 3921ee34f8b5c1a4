import { type ClusterTopology, zookeeperClientAddress } from '../core/cluster/topology.js';
import type { DrillCluster } from '../core/drill/drill-cluster.js';
import type { LocalCluster } from './local-cluster.js';

/** A local reconcile renders one node's configuration and waits for it to rejoin: well under this. */
const LOCAL_RECREATION_SECONDS = 300;

/**
 * The local cluster as a drill sees it: its nodes, processes to act on, and a master destroyed outright
 * (`local node destroy`) re-created by `local reconcile`, as Terraform and Ansible do on Azure.
 */
export function localDrillCluster(cluster: LocalCluster, topology: ClusterTopology): DrillCluster {
  return {
    masters: topology.masters,
    zookeepers: topology.zookeepers.map(zookeeperClientAddress),
    sparkZooKeeperDir: topology.sparkZooKeeperDir,
    operations: cluster.nodeOperations(),
    recreation: {
      destroy: (node) => cluster.destroy(node),
      recreate: async () => {
        const result = await cluster.reconcile();
        return `reconciled ${result.reconciled.join(', ') || 'nothing'} in ${result.seconds.toFixed(1)} s`;
      },
      timeLimitSeconds: LOCAL_RECREATION_SECONDS,
    },
    workerScaling: {
      scaleTo: async (count) => {
        const result = await cluster.scale(count);
        return result.added.length > 0 ? `added ${result.added.join(', ')}` : `removed ${result.removed.join(', ') || 'none'}`;
      },
      timeLimitSeconds: LOCAL_RECREATION_SECONDS,
    },
  };
}
