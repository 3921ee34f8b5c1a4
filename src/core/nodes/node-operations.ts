import type { ClusterNode } from '../cluster/topology.js';

/**
 * The narrow interface through which drills and rolling updates act on one node. Implementations: local
 * processes (the local cluster) and Azure VMs. Every method returns once the action is done, not once
 * the node is healthy: health is for the caller to observe.
 */
export interface NodeOperations {
  /** Starts the node's service; a no-op when it already runs. */
  start(node: ClusterNode): Promise<void>;
  /** Graceful stop (SIGTERM, then SIGKILL after a grace period). */
  stop(node: ClusterNode): Promise<void>;
  /** Loss of the node's host: SIGKILL to everything of the node, no shutdown hooks; it stays down. */
  kill(node: ClusterNode): Promise<void>;
  /** The node's program dies (SIGKILL, no shutdown hooks) while its host lives: its supervisor runs what follows an exit and restarts it. */
  crash(node: ClusterNode): Promise<void>;
  /** Graceful stop, then start. */
  restart(node: ClusterNode): Promise<void>;
  /**
   * SIGSTOP to the node's program: it keeps its connections and ZooKeeper sessions open but does nothing, as
   * in a long GC pause. Only a planned handover uses it, and follows it with `kill`.
   */
  pause(node: ClusterNode): Promise<void>;
}

export type NodeOperationName = keyof NodeOperations;
export const NODE_OPERATIONS: readonly NodeOperationName[] = ['start', 'stop', 'kill', 'crash', 'restart'];
