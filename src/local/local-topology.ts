import type { ClusterTopology, MasterNode, WorkerNode, ZooKeeperNode } from '../core/cluster/topology.js';
import { InputError } from '../core/errors.js';

export interface LocalClusterShape {
  readonly zookeeperCount: number;
  readonly masterCount: number;
  readonly workerCount: number;
}

/** The local cluster's name: its nodes' custom data and its ZooKeeper directory carry it. */
export const LOCAL_CLUSTER_NAME = 'local';

export const DEFAULT_SHAPE: LocalClusterShape = { zookeeperCount: 3, masterCount: 2, workerCount: 2 };
export const MAX_LOCAL_WORKERS = 20;

/** Refuses shapes the product does not support, naming the option to change. */
export function validateShape(shape: LocalClusterShape): LocalClusterShape {
  if (shape.zookeeperCount !== 3 && shape.zookeeperCount !== 5) {
    throw new InputError('zookeeperCount', '3 or 5 (an odd quorum)', String(shape.zookeeperCount), "Use 'zookeeperCount' 3 or 5.");
  }
  if (shape.masterCount !== 2 && shape.masterCount !== 3) {
    throw new InputError('masterCount', '2 or 3 Spark masters', String(shape.masterCount), "Use 'masterCount' 2 or 3.");
  }
  if (!Number.isInteger(shape.workerCount) || shape.workerCount < 1 || shape.workerCount > MAX_LOCAL_WORKERS) {
    throw new InputError('workerCount', `1 to ${MAX_LOCAL_WORKERS} workers`, String(shape.workerCount), `Use 'workerCount' between 1 and ${MAX_LOCAL_WORKERS}.`);
  }
  return shape;
}

/**
 * One loopback address per node: ZooKeeper on 127.0.0.11+, masters on 127.0.0.21+, workers on
 * 127.0.0.31+. Every node keeps its production ports because no two share an address.
 */
export function localTopology(shape: LocalClusterShape, clusterName = LOCAL_CLUSTER_NAME): ClusterTopology {
  validateShape(shape);
  const zookeepers = range(shape.zookeeperCount).map(
    (i): ZooKeeperNode => ({
      name: `zk${i}`,
      role: 'zookeeper',
      host: `127.0.0.${10 + i}`,
      id: i,
      clientPort: 2181,
      quorumPort: 2888,
      electionPort: 3888,
    }),
  );
  const masters = range(shape.masterCount).map((i): MasterNode => ({ name: `master${i}`, role: 'master', host: `127.0.0.${20 + i}`, port: 7077, webUiPort: 8080 }));
  const workers = range(shape.workerCount).map((i): WorkerNode => ({ name: `worker${i}`, role: 'worker', host: `127.0.0.${30 + i}`, webUiPort: 8081, cores: 2, memoryMb: 1536 }));
  return { zookeepers, masters, workers, sparkZooKeeperDir: `/spark-azure/${clusterName}` };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
