import type { HostPort } from '../inputs/host-port.js';
import { masterUrl } from '../inputs/master-list.js';
import { zookeeperConnectString } from '../inputs/zookeeper-connect.js';

export type NodeRole = 'zookeeper' | 'master' | 'worker';

interface NodeBase {
  /** Stable name, also the Ansible inventory host name: zk1, master1, worker1. */
  readonly name: string;
  readonly role: NodeRole;
  readonly host: string;
}

export interface ZooKeeperNode extends NodeBase {
  readonly role: 'zookeeper';
  /** The `myid` of this server, fixed for the life of the node. */
  readonly id: number;
  readonly clientPort: number;
  readonly quorumPort: number;
  readonly electionPort: number;
}

export interface MasterNode extends NodeBase {
  readonly role: 'master';
  readonly port: number;
  readonly webUiPort: number;
}

export interface WorkerNode extends NodeBase {
  readonly role: 'worker';
  readonly webUiPort: number;
  readonly cores: number;
  readonly memoryMb: number;
}

export type ClusterNode = ZooKeeperNode | MasterNode | WorkerNode;

/** What the cluster should consist of: the desired shape, independent of where it runs. */
export interface ClusterTopology {
  readonly zookeepers: readonly ZooKeeperNode[];
  readonly masters: readonly MasterNode[];
  readonly workers: readonly WorkerNode[];
  /** `spark.deploy.zookeeper.dir`: distinct per cluster, so a new cluster never recovers a stale one. */
  readonly sparkZooKeeperDir: string;
}

export function allNodes(topology: ClusterTopology): ClusterNode[] {
  return [...topology.zookeepers, ...topology.masters, ...topology.workers];
}

export function findNode(topology: ClusterTopology, name: string): ClusterNode | undefined {
  return allNodes(topology).find((node) => node.name === name);
}

export function zookeeperClientAddress(node: ZooKeeperNode): HostPort {
  return { host: node.host, port: node.clientPort };
}

export function masterAddress(node: MasterNode): HostPort {
  return { host: node.host, port: node.port };
}

export function topologyMasterUrl(topology: ClusterTopology): string {
  return masterUrl(topology.masters.map(masterAddress));
}

export function topologyZooKeeperConnect(topology: ClusterTopology): string {
  return zookeeperConnectString(topology.zookeepers.map(zookeeperClientAddress));
}

export function masterWebUiUrl(node: MasterNode): string {
  return `http://${node.host}:${node.webUiPort}`;
}
