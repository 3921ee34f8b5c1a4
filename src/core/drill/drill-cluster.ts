import type { MasterNode } from '../cluster/topology.js';
import type { HostPort } from '../inputs/host-port.js';
import type { NodeOperations } from '../nodes/node-operations.js';

/** Faults and restores of a master's whole machine; only VMs have them. */
export interface VmFaults {
  restart(node: MasterNode): Promise<void>;
  deallocate(node: MasterNode): Promise<void>;
  start(node: MasterNode): Promise<void>;
}

/**
 * A master deleted outright (its VM, or locally its process, configuration and data) and built again by
 * the cluster's reconcile: Terraform and Ansible on Azure, `local reconcile` here.
 */
export interface NodeRecreation {
  destroy(node: MasterNode): Promise<void>;
  /** Returns what was re-created, for the journal. */
  recreate(node: MasterNode): Promise<string>;
  /** How long a re-creation may take, to bound the drill (a VM's creation and configuration take minutes). */
  readonly timeLimitSeconds: number;
}

/** Scaling the workers, as the platform does it: the local cluster's `scale`, or the scale set's capacity on Azure. */
export interface WorkerScaling {
  /** Asks for `count` workers; returns what was done, for the journal. The drill itself waits for the cluster. */
  scaleTo(count: number): Promise<string>;
  /** How long a scale may take: a VM's creation and boot take minutes. */
  readonly timeLimitSeconds: number;
}

/**
 * The cluster a failover drill acts on and the way it reaches the nodes: the local cluster's processes,
 * or systemd over SSH on VMs. Resolved from the inputs by the caller.
 */
export interface DrillCluster {
  readonly masters: readonly MasterNode[];
  readonly zookeepers: readonly HostPort[];
  readonly sparkZooKeeperDir: string;
  readonly operations: NodeOperations;
  readonly vmFaults?: VmFaults;
  /** Only where the drill may destroy a master and re-create it (fault destroy). */
  readonly recreation?: NodeRecreation;
  /** Only where the drill may scale the workers (fault scale). */
  readonly workerScaling?: WorkerScaling;
}
