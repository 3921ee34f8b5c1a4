import type { ClusterNode } from '../cluster/topology.js';

/**
 * How a node gets its new version during a roll. The roll decides when (one node at a time, gated);
 * the method decides what happens to the node.
 */
export interface UpdateMethod {
  readonly description: string;
  /** Once, before the first node: stage the new version without restarting anything (render configs). */
  prepare?(): Promise<void>;
  /**
   * Brings one node back running the new version. The node may already be stopped (an ALIVE master is
   * handed over first); the method must leave it running.
   */
  apply(node: ClusterNode): Promise<string>;
}
