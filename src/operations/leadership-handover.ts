import { type MasterNode, masterAddress, masterWebUiUrl } from '../core/cluster/topology.js';
import { type HostPort, formatHostPort } from '../core/inputs/host-port.js';
import type { Log } from '../core/log.js';
import type { NodeOperations } from '../core/nodes/node-operations.js';
import { connectedSessions } from '../core/zookeeper/zookeeper-sessions.js';
import { type LatchNode, inLineOrder, leaderElectionPath, orphanedLeader } from '../core/spark/leader-latch.js';
import { aliveOf, probeSparkMaster } from '../core/spark/spark-master-probe.js';
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
// How long a paused master waits for its successor to finish recovery before it is stopped anyway.
const SUCCESSOR_ALIVE_TIMEOUT_MS = 30_000;

interface HandoverOptions {
  master: MasterNode;
  /** The other masters: the one next in line must report ALIVE before the paused master goes. */
  successors: readonly MasterNode[];
  operations: NodeOperations;
  zk: ZooKeeperSession;
  zookeepers: readonly HostPort[];
  sparkZooKeeperDir: string;
  log: Log;
}

/**
 * A planned handover of Spark leadership. With spark-azure's election (its latch node names its master):
 * pause the ALIVE master, remove its latch node, wait until the next master has recovered (ALIVE), and only
 * then stop the paused one. Workers and drivers hear of the new master while the old one still holds its
 * connections, so none of them ever sees it go and re-registers on its own.
 *
 * Why not stop first: a worker that sees its master's connection drop registers again with every master at
 * once. When that registration reaches the successor after it was elected but before the worker's answer to
 * its recovery, Spark's master marks the worker alive without its executors and then tells it to kill every
 * executor it does not know: the running tasks fail (seen in the rolling-update test: 2 and 4 failed tasks).
 *
 * Otherwise (Spark's own election, or no successor): stop it, then remove its latch node as soon as its
 * session has left every ZooKeeper server, instead of waiting for the session to expire. Safe by
 * construction: only the node that led before is removed, and only once its owner is attached to no
 * server (a dead process, not a slow one).
 */
export async function handOverLeadership(options: HandoverOptions): Promise<HandoverResult> {
  const latchPath = leaderElectionPath(options.sparkZooKeeperDir);
  const leaderBefore = inLineOrder(await readLeaderLatch(options.zk, latchPath))[0];
  const participant = leaderBefore && (await options.zk.data(`${latchPath}/${leaderBefore.name}`))?.toString('utf8');
  if (leaderBefore && options.successors.length > 0 && participant === formatHostPort(masterAddress(options.master)))
    return pauseThenStop(options, `${latchPath}/${leaderBefore.name}`);
  return stopThenRelease(options, latchPath, leaderBefore);
}

async function pauseThenStop(options: HandoverOptions, latchNode: string): Promise<HandoverResult> {
  const { master, operations, zk, log } = options;
  await operations.pause(master);
  const pausedAtMs = Date.now();
  try {
    await zk.remove(latchNode);
    const removedAtMs = Date.now();
    const endpoints = options.successors.map((node) => ({ address: formatHostPort(masterAddress(node)), webUiUrl: masterWebUiUrl(node) }));
    const successor = await waitUntil(
      async () => aliveOf(await Promise.all(endpoints.map((endpoint) => probeSparkMaster(endpoint, 1000))))[0],
      (alive) => alive !== undefined,
      { timeoutMs: SUCCESSOR_ALIVE_TIMEOUT_MS, intervalMs: 100 },
    );
    const took = `${Date.now() - pausedAtMs} ms`;
    const note = successor.satisfied
      ? `${master.name} paused, its latch node removed; ${successor.last!.address} ALIVE after ${took}, then ${master.name} stopped`
      : `${master.name} paused, its latch node removed; no other master ALIVE within ${SUCCESSOR_ALIVE_TIMEOUT_MS / 1000} s: ${master.name} stopped anyway`;
    if (successor.satisfied) log.info(note);
    else log.warning(note);
    return { removedLatch: latchNode.split('/').at(-1), stoppedAtMs: pausedAtMs, removedAtMs, note };
  } finally {
    // A paused master must never run again: whatever happened above, it goes (SIGKILL, nothing of it runs).
    await operations.kill(master);
  }
}

async function stopThenRelease(options: HandoverOptions, latchPath: string, leaderBefore: LatchNode | undefined): Promise<HandoverResult> {
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
