import { type LatchNode, latchSequence } from './leader-latch.js';
import type { ZooKeeperSession } from '../zookeeper/zookeeper-session.js';

/** Reads Spark's leader latch: every latch node with the session that owns it. */
export async function readLeaderLatch(zk: ZooKeeperSession, latchPath: string): Promise<LatchNode[]> {
  const nodes: LatchNode[] = [];
  for (const name of (await zk.children(latchPath)) ?? []) {
    const sequence = latchSequence(name);
    const stat = sequence === undefined ? undefined : await zk.stat(`${latchPath}/${name}`);
    if (sequence !== undefined && stat) nodes.push({ name, sequence, owner: stat.ephemeralOwner });
  }
  return nodes;
}
