import { sshNodeOperations } from '../../azure/ssh-node-operations.js';
import { aliveWorkerHosts } from '../../core/cluster/cluster-state.js';
import type { ClusterTopology, MasterNode, WorkerNode, ZooKeeperNode } from '../../core/cluster/topology.js';
import type { HostPort } from '../../core/inputs/host-port.js';
import type { NodeOperations } from '../../core/nodes/node-operations.js';
import { probeCluster } from '../../core/cluster/cluster-probe.js';
import { MasterSet } from '../../core/cluster/master-set.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { NodeAccess } from './node-access.js';
import { writeSshKeyFile } from './secrets.js';

/**
 * The cluster as the inputs describe it, for nodes on VMs: ZooKeeper servers and masters from their
 * lists, workers from their list or, when none is given, the workers ALIVE at the ALIVE master now.
 */
export async function remoteTopology(options: {
  masters: readonly HostPort[];
  masterWebUiPort: number;
  zookeepers: readonly HostPort[];
  zookeeperDir: string;
  workers?: readonly string[];
  masterNames?: readonly string[];
}): Promise<ClusterTopology> {
  const masters = options.masters.map(
    (master, index): MasterNode => ({
      name: options.masterNames?.[index] ?? master.host,
      role: 'master',
      host: master.host,
      port: master.port,
      webUiPort: options.masterWebUiPort,
    }),
  );
  const zookeepers = options.zookeepers.map(
    (server, index): ZooKeeperNode => ({ name: server.host, role: 'zookeeper', host: server.host, id: index + 1, clientPort: server.port, quorumPort: 2888, electionPort: 3888 }),
  );
  const workerHosts = options.workers ?? aliveWorkerHosts(await probeCluster({ zookeepers: [], masters: new MasterSet(options.masters, options.masterWebUiPort).endpoints }));
  const workers = workerHosts.map((host): WorkerNode => ({ name: host, role: 'worker', host, webUiPort: 8081, cores: 0, memoryMb: 0 }));
  return { zookeepers, masters, workers, sparkZooKeeperDir: options.zookeeperDir };
}

/**
 * systemd over SSH; a given private key is masked and written to a 0600 file in the run's scratch
 * directory (gone when the action ends), which Ansible is pointed at too.
 */
export function remoteNodeOperations(access: Exclude<NodeAccess, { kind: 'local' }>, pipeline: Pipeline): { operations: NodeOperations; keyFile?: string } {
  const keyFile = access.privateKey ? writeSshKeyFile(pipeline, access.privateKey) : undefined;
  return { operations: sshNodeOperations({ ...access.ssh, keyFile }), keyFile };
}
