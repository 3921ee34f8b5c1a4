import { azureVmOperations } from '../../azure/azure-vm-operations.js';
import type { VmOperation } from '../../azure/remote-commands.js';
import { sshNodeOperations } from '../../azure/ssh-node-operations.js';
import { probeCluster } from '../../core/cluster/cluster-probe.js';
import { aliveWorkerHosts } from '../../core/cluster/cluster-state.js';
import { MasterSet } from '../../core/cluster/master-set.js';
import { type ClusterTopology, type MasterNode, type WorkerNode, type ZooKeeperNode, masterAddress } from '../../core/cluster/topology.js';
import { InputError } from '../../core/errors.js';
import { type HostPort, formatHostPort } from '../../core/inputs/host-port.js';
import type { NodeOperations } from '../../core/nodes/node-operations.js';
import type { Pipeline } from '../../core/pipeline.js';
import { LocalCluster } from '../../local/local-cluster.js';
import { localPaths } from '../../local/paths.js';
import type { NodeAccess } from './node-access.js';
import { writeSshKeyFile } from './secrets.js';

/** What the inputs say about the cluster an action acts on. */
export interface ClusterInputs {
  readonly access: NodeAccess;
  readonly masters: readonly HostPort[];
  readonly masterWebUiPort: number;
  /** Required for VMs (the settings readers see to it); the local cluster knows its own. */
  readonly zookeepers?: readonly HostPort[];
  readonly zookeeperDir?: string;
  /** Worker hosts on VMs; undefined: the workers ALIVE at the ALIVE master now. */
  readonly workers?: readonly string[];
}

/** The cluster resolved: the local cluster's processes, or VMs reached over SSH (and az on Azure). */
export type ResolvedCluster =
  | { readonly kind: 'local'; readonly local: LocalCluster; readonly topology: ClusterTopology; readonly operations: NodeOperations }
  | {
      readonly kind: 'remote';
      readonly access: Exclude<NodeAccess, { kind: 'local' }>;
      readonly topology: ClusterTopology;
      readonly operations: NodeOperations;
      /** The given private key's 0600 file in the run's scratch directory, which Ansible is pointed at too. */
      readonly keyFile?: string;
      /** Whole-VM operations, with nodeAccess azure. */
      readonly vms?: Record<VmOperation, (node: MasterNode) => Promise<void>>;
    };

/**
 * Turns the inputs into the cluster an action acts on, the one way every action does: the local cluster
 * (whose masters must be the ones given), or the nodes on VMs from their lists.
 */
export async function resolveCluster(inputs: ClusterInputs, pipeline: Pipeline): Promise<ResolvedCluster> {
  const { access } = inputs;
  if (access.kind === 'local') {
    const local = new LocalCluster(localPaths(pipeline.directories), pipeline.log);
    const topology = await local.topology();
    const known = new Set(topology.masters.map((master) => formatHostPort(masterAddress(master))));
    const given = inputs.masters.map(formatHostPort);
    if (given.length !== known.size || given.some((address) => !known.has(address))) {
      throw new InputError(
        'masters',
        `the local cluster's masters (${[...known].join(',')}) when nodeAccess is 'local'`,
        given.join(','),
        "Use the local cluster's master URL, or set nodeAccess to 'ssh' or 'azure'.",
      );
    }
    return { kind: 'local', local, topology, operations: local.nodeOperations() };
  }
  const topology = await remoteTopology(inputs, access.kind === 'azure' ? access.masterVmNames : undefined);
  // A given private key is masked by the door and written to a 0600 file, gone when the action ends.
  const keyFile = access.privateKey ? writeSshKeyFile(pipeline, access.privateKey) : undefined;
  const vms =
    access.kind === 'azure'
      ? azureVmOperations({ resourceGroup: access.resourceGroup, vmNames: Object.fromEntries(topology.masters.map((master) => [master.name, master.name])) })
      : undefined;
  return { kind: 'remote', access, topology, operations: sshNodeOperations({ ...access.ssh, keyFile }), keyFile, vms };
}

/**
 * The cluster as the inputs describe it, for nodes on VMs: ZooKeeper servers and masters from their
 * lists, workers from their list or, when none is given, the workers ALIVE at the ALIVE master now.
 */
async function remoteTopology(inputs: ClusterInputs, masterNames: readonly string[] | undefined): Promise<ClusterTopology> {
  const masters = inputs.masters.map(
    (master, index): MasterNode => ({
      name: masterNames?.[index] ?? master.host,
      role: 'master',
      host: master.host,
      port: master.port,
      webUiPort: inputs.masterWebUiPort,
    }),
  );
  const zookeepers = (inputs.zookeepers ?? []).map(
    (server, index): ZooKeeperNode => ({ name: server.host, role: 'zookeeper', host: server.host, id: index + 1, clientPort: server.port, quorumPort: 2888, electionPort: 3888 }),
  );
  const workerHosts = inputs.workers ?? aliveWorkerHosts(await probeCluster({ zookeepers: [], masters: new MasterSet(inputs.masters, inputs.masterWebUiPort).endpoints }));
  const workers = workerHosts.map((host): WorkerNode => ({ name: host, role: 'worker', host, webUiPort: 8081, cores: 0, memoryMb: 0 }));
  return { zookeepers, masters, workers, sparkZooKeeperDir: inputs.zookeeperDir ?? '' };
}
