import os from 'node:os';
import { ClusterStateError } from '../core/errors.js';
import { sleep } from '../core/wait.js';
import type { ZooKeeperSession } from '../core/zookeeper/zookeeper-session.js';

export const MAINTENANCE_LOCK_PATH = '/spark-azure/maintenance-lock';

/** Who holds the lock, written into the lock node so a waiting operation can say who it waits for. */
export interface LockHolder {
  readonly operation: string;
  readonly host: string;
  readonly pid: number;
  readonly since: string;
}

/**
 * One maintenance operation at a time (a rolling update, a failover drill) per ensemble. The lock is an
 * EPHEMERAL znode: it goes away when its holder releases it, exits or dies (once its session expires).
 */
export class MaintenanceLock {
  private constructor(
    private readonly zk: ZooKeeperSession,
    readonly path: string,
  ) {}

  static async acquire(zk: ZooKeeperSession, operation: string, options: { waitMs: number; path?: string }): Promise<MaintenanceLock> {
    const path = options.path ?? MAINTENANCE_LOCK_PATH;
    const holder: LockHolder = { operation, host: os.hostname(), pid: process.pid, since: new Date().toISOString() };
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      try {
        await zk.create(path, JSON.stringify(holder), 'ephemeral');
        return new MaintenanceLock(zk, path);
      } catch (error) {
        if (!isNodeExists(error)) throw error;
      }
      if (Date.now() >= deadline) {
        const current = await currentHolder(zk, path);
        throw new ClusterStateError(
          'Maintenance lock',
          `to be free within ${Math.round(options.waitMs / 1000)} s`,
          current ? `held by ${current.operation} on ${current.host} (pid ${current.pid}) since ${current.since}` : 'held by another operation',
          'Wait for that operation to finish (the lock goes with its process), or raise lockWaitSeconds.',
        );
      }
      await sleep(500);
    }
  }

  /**
   * Makes sure the lock is still this operation's. The lock is ephemeral: if ZooKeeper expired our session
   * (while its servers restarted) the lock went with it; take it again, or stop when another holds it.
   */
  async ensureHeld(operation: string): Promise<void> {
    const stat = await this.zk.stat(this.path);
    if (stat && stat.ephemeralOwner === (await this.zk.sessionId())) return;
    if (!stat) {
      await MaintenanceLock.acquire(this.zk, operation, { waitMs: 0, path: this.path });
      return;
    }
    const holder = await currentHolder(this.zk, this.path);
    throw new ClusterStateError(
      'Maintenance lock',
      'still held by this operation',
      `lost and now held by ${holder?.operation ?? 'another operation'}`,
      'Another maintenance operation started meanwhile: wait for it, then rerun.',
    );
  }

  async release(): Promise<void> {
    // Remove it only if it is still ours: after a session expiry another operation may hold it.
    const stat = await this.zk.stat(this.path);
    if (stat && stat.ephemeralOwner === (await this.zk.sessionId())) await this.zk.remove(this.path, stat.version);
  }
}

export async function currentHolder(zk: ZooKeeperSession, path = MAINTENANCE_LOCK_PATH): Promise<LockHolder | undefined> {
  const data = await zk.data(path);
  if (!data) return undefined;
  try {
    return JSON.parse(data.toString('utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isNodeExists(error: unknown): boolean {
  return error instanceof Error && /NODE_EXISTS/.test(String(error));
}
