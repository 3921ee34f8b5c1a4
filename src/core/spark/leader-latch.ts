/**
 * Spark's masters elect a leader with Curator's LeaderLatch under `<spark.deploy.zookeeper.dir>/leader_election`.
 * Each master holds one EPHEMERAL_SEQUENTIAL node named `_c_<uuid>-latch-<sequence>`; the lowest sequence
 * leads and each other master watches its predecessor.
 */

export const LEADER_ELECTION = 'leader_election';

export interface LatchNode {
  readonly name: string;
  readonly sequence: number;
  /** The ZooKeeper session holding it: a master's, alive or not yet expired. */
  readonly owner: bigint;
}

export function leaderElectionPath(sparkZooKeeperDir: string): string {
  return `${sparkZooKeeperDir.replace(/\/+$/, '')}/${LEADER_ELECTION}`;
}

export function latchSequence(name: string): number | undefined {
  const match = /latch-(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/** Latch nodes in line order: the first leads. Names that are not latch nodes are ignored. */
export function inLineOrder(nodes: readonly LatchNode[]): LatchNode[] {
  return [...nodes].sort((a, b) => a.sequence - b.sequence);
}

/**
 * The leading latch node may be taken away only when its owner's session is connected to no ZooKeeper
 * server: its master is gone, and ZooKeeper merely has not expired the session yet.
 */
export function orphanedLeader(nodes: readonly LatchNode[], connectedSessions: ReadonlySet<bigint>): LatchNode | undefined {
  const leader = inLineOrder(nodes)[0];
  return leader && !connectedSessions.has(leader.owner) ? leader : undefined;
}
