import type { ClusterTopology, MasterNode, WorkerNode, ZooKeeperNode } from '../core/cluster/topology.js';
import { InputError } from '../core/errors.js';

export interface LocalClusterShape {
  readonly zookeepers: number;
  readonly masters: number;
  readonly workers: number;
}

export const DEFAULT_SHAPE: LocalClusterShape = { zookeepers: 3, masters: 2, workers: 2 };
export const MAX_LOCAL_WORKERS = 20;

/** Refuses shapes the product does not support, naming the option to change. */
export function validateShape(shape: LocalClusterShape): LocalClusterShape {
  if (shape.zookeepers !== 3 && shape.zookeepers !== 5) {
    throw new InputError('zookeepers', '3 or 5 (an odd quorum)', String(shape.zookeepers), 'Use --zookeepers 3 or --zookeepers 5.');
  }
  if (shape.masters !== 2 && shape.masters !== 3) {
    throw new InputError('masters', '2 or 3 Spark masters', String(shape.masters), 'Use --masters 2 or --masters 3.');
  }
  if (!Number.isInteger(shape.workers) || shape.workers < 1 || shape.workers > MAX_LOCAL_WORKERS) {
    throw new InputError('workers', `1 to ${MAX_LOCAL_WORKERS} workers`, String(shape.workers), `Use --workers between 1 and ${MAX_LOCAL_WORKERS}.`);
  }
  return shape;
}

/**
 * One loopback address per node: ZooKeeper on 127.0.0.11+, masters on 127.0.0.21+, workers on
 * 127.0.0.31+. Every node keeps its production ports because no two share an address.
 */
export function localTopology(shape: LocalClusterShape, clusterName = 'local'): ClusterTopology {
  validateShape(shape);
  const zookeepers = range(shape.zookeepers).map(
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
  const masters = range(shape.masters).map((i): MasterNode => ({ name: `master${i}`, role: 'master', host: `127.0.0.${20 + i}`, port: 7077, webUiPort: 8080 }));
  const workers = range(shape.workers).map((i): WorkerNode => ({ name: `worker${i}`, role: 'worker', host: `127.0.0.${30 + i}`, webUiPort: 8081, cores: 2, memoryMb: 1536 }));
  return { zookeepers, masters, workers, sparkZooKeeperDir: `/spark-azure/${clusterName}` };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
