import type { ClusterTopology, NodeRole } from '../cluster/topology.js';

/**
 * What a node boots from: the inputs of infra/terraform/modules/node-boot, which renders them into the
 * node's custom data. Terraform fills them for the VMs; the local cluster for its nodes, the same way.
 */
export interface NodeBootInput {
  readonly role: NodeRole;
  readonly cluster: string;
  /** A fixed node's own host name and address (and myid); none for a scale-set worker, which takes them from the machine. */
  readonly node: { readonly name: string; readonly host: string; readonly zookeeper_id?: number } | null;
  readonly zookeepers: readonly { readonly id: number; readonly name: string; readonly host: string }[];
  readonly masters: readonly { readonly name: string; readonly host: string }[];
  readonly zookeeper_dir: string;
  /** What the node is created with (its size's cores and memory): never a secret. */
  readonly role_variables: Readonly<Record<string, string>>;
  /** Where the node reads the kept role variables and (masters and workers) the cluster secret at boot. */
  readonly configuration_store:
    | { readonly kind: 'file'; readonly path: string; readonly cluster_secret_path?: string }
    | { readonly kind: 'key-vault'; readonly key_vault_name: string; readonly secret_name: string; readonly cluster_secret_name?: string };
}

/** The boot of every node of a role, as the VMs get it: fixed nodes know themselves, workers share one. */
export function bootInputOf(
  node: { readonly name: string; readonly role: NodeRole; readonly host: string; readonly id?: number },
  topology: ClusterTopology,
  cluster: string,
  store: NodeBootInput['configuration_store'],
  roleVariables: Readonly<Record<string, string>>,
): NodeBootInput {
  const masters = topology.masters.map((master) => ({ name: master.name, host: master.host }));
  const zookeepers = topology.zookeepers.map((server) => ({ id: server.id, name: server.name, host: server.host }));
  return {
    role: node.role,
    cluster,
    node: node.role === 'worker' ? null : { name: node.name, host: node.host, ...(node.role === 'zookeeper' ? { zookeeper_id: node.id } : {}) },
    // Workers never talk to ZooKeeper; a ZooKeeper server needs no master.
    zookeepers: node.role === 'worker' ? [] : zookeepers,
    masters: node.role === 'zookeeper' ? [] : masters,
    zookeeper_dir: topology.sparkZooKeeperDir,
    role_variables: roleVariables,
    configuration_store: store,
  };
}
