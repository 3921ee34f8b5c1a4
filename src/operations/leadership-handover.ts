import type { MasterNode } from '../core/cluster/topology.js';
import type { HostPort } from '../core/inputs/host-port.js';
import type { Log } from '../core/log.js';
import type { NodeOperations } from '../core/nodes/node-operations.js';
import { connectedSessions } from '../core/zookeeper/zookeeper-sessions.js';
import { inLineOrder, leaderElectionPath, orphanedLeader } from '../core/spark/leader-latch.js';
import { waitUntil } from '../core/wait.js';
import type { ZooKeeperSession } from '../core/zookeeper/zookeeper-session.js';
import { readLeaderLatch } from '../core/spark/read-leader-latch.js';

export interface HandoverResult {
  /** The latch node removed so the next master in line leads at once; undefined when none was safe to remove. */
  readonly removedLatch?: string;
  readonly stoppedAtMs: number;
  readonly removedAtMs?: number;
  readonly note: string;
}

const SESSION_DETACH_TIMEOUT_MS = 5000;

/**
 * A planned handover of Spark leadership: stop the ALIVE master, then remove its latch node as soon as its
 * session has left every ZooKeeper server, instead of waiting for the session to expire. The Spark master
 * registers no shutdown hook, so without this the standby waits the whole session timeout.
 *
 * Safe by construction: only the node that led before the stop is removed, and only once its owner is
 * attached to no server (a dead process, not a slow one).
 */
export async function handOverLeadership(options: {
  master: MasterNode;
  operations: NodeOperations;
  zk: ZooKeeperSession;
  zookeepers: readonly HostPort[];
  sparkZooKeeperDir: string;
  log: Log;
}): Promise<HandoverResult> {
  const latchPath = leaderElectionPath(options.sparkZooKeeperDir);
  const leaderBefore = inLineOrder(await readLeaderLatch(options.zk, latchPath))[0];
  await options.operations.stop(options.master);
  const stoppedAtMs = Date.now();
  if (!leaderBefore) return { stoppedAtMs, note: `no latch node under ${latchPath}: nothing to hand over` };
  // The node's supervisor may have released the latch already (ExecStopPost=): then there is nothing left to do.
  const detached = await waitUntil(
    async () => {
      const nodes = await readLeaderLatch(options.zk, latchPath);
      if (!nodes.some((node) => node.name === leaderBefore.name)) return 'released' as const;
      return orphanedLeader(nodes, await connectedSessions(options.zookeepers));
    },
    (outcome) => outcome !== undefined,
    { timeoutMs: SESSION_DETACH_TIMEOUT_MS, intervalMs: 50 },
  );
  const orphan = detached.last;
  if (orphan === 'released') {
    const releasedAtMs = Date.now();
    options.log.info(`${options.master.name}'s supervisor released its latch node ${leaderBefore.name} on the stop`);
    return { stoppedAtMs, removedAtMs: releasedAtMs, note: 'latch node released by the node’s supervisor' };
  }
  if (!orphan || orphan.name !== leaderBefore.name) {
    const note = `the leading latch node ${leaderBefore.name} did not become orphaned within ${SESSION_DETACH_TIMEOUT_MS / 1000} s: left for ZooKeeper to expire`;
    options.log.warning(note);
    return { stoppedAtMs, note };
  }
  const removed = await options.zk.remove(`${latchPath}/${orphan.name}`);
  const removedAtMs = Date.now();
  options.log.info(`Removed ${options.master.name}'s latch node ${orphan.name} ${removedAtMs - stoppedAtMs} ms after the stop`);
  return { removedLatch: removed ? orphan.name : undefined, stoppedAtMs, removedAtMs, note: removed ? 'latch node removed' : 'latch node already gone' };
}
