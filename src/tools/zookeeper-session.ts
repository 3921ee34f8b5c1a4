import zookeeper from 'node-zookeeper-client';
import { ActionableError } from '../core/errors.js';

export type ZNodeMode = 'persistent' | 'ephemeral' | 'persistent-sequential' | 'ephemeral-sequential';

const MODES: Record<ZNodeMode, number> = {
  persistent: zookeeper.CreateMode.PERSISTENT,
  ephemeral: zookeeper.CreateMode.EPHEMERAL,
  'persistent-sequential': zookeeper.CreateMode.PERSISTENT_SEQUENTIAL,
  'ephemeral-sequential': zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL,
};

export interface ZNodeStat {
  /** Session that owns an ephemeral node; 0n for persistent nodes. */
  readonly ephemeralOwner: bigint;
  readonly version: number;
  readonly ctimeMs: number;
}

/**
 * A ZooKeeper session for spark-azure's own work (reading Spark's leader latch, holding the maintenance
 * lock). Promise-based; "no node" is an answer (undefined or false), not an error.
 */
export class ZooKeeperSession {
  private constructor(private readonly client: zookeeper.Client) {}

  static open(connectString: string, options: { sessionTimeoutMs?: number; connectTimeoutMs?: number } = {}): Promise<ZooKeeperSession> {
    const client = zookeeper.createClient(connectString, { sessionTimeout: options.sessionTimeoutMs ?? 6000, spinDelay: 200, retries: 2 });
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        client.close();
        reject(new ActionableError(`ZooKeeper ${connectString}`, 'a session', `no connection within ${timeoutMs / 1000} s`, 'Check that the ensemble serves (echo srvr | nc <server> 2181) and that this runner reaches port 2181.'));
      }, timeoutMs);
      client.once('connected', () => {
        clearTimeout(timer);
        resolve(new ZooKeeperSession(client));
      });
      client.connect();
    });
  }

  /** This session's id, as ZooKeeper prints it in `cons` (sid=0x...). */
  sessionId(): bigint {
    return BigInt(`0x${this.client.getSessionId().toString('hex')}`);
  }

  children(path: string): Promise<string[] | undefined> {
    return this.call<string[] | undefined>((done) => this.client.getChildren(path, (error, children) => done(error, children)));
  }

  stat(path: string): Promise<ZNodeStat | undefined> {
    return this.call<ZNodeStat | undefined>((done) =>
      this.client.exists(path, (error, stat) =>
        done(error, stat ? { ephemeralOwner: BigInt(`0x${stat.ephemeralOwner.toString('hex')}`), version: stat.version, ctimeMs: Number(BigInt(`0x${stat.ctime.toString('hex')}`)) } : undefined),
      ),
    );
  }

  data(path: string): Promise<Buffer | undefined> {
    return this.call((done) => this.client.getData(path, (error, data) => done(error, data ?? Buffer.alloc(0))));
  }

  /** Creates the node (and missing parents, persistent) and returns its actual path. */
  create(path: string, data: string, mode: ZNodeMode): Promise<string> {
    return new Promise((resolve, reject) =>
      this.client.mkdirp(parentOf(path), (mkdirError) => {
        if (mkdirError) return reject(mkdirError);
        this.client.create(path, Buffer.from(data), MODES[mode], (error, created) => (error ? reject(error) : resolve(created)));
      }),
    );
  }

  /** Deletes the node if it still has `version` (-1: any); false when it was already gone. */
  remove(path: string, version = -1): Promise<boolean> {
    return new Promise((resolve, reject) =>
      this.client.remove(path, version, (error) => {
        if (!error) return resolve(true);
        if (isNoNode(error)) return resolve(false);
        reject(error);
      }),
    );
  }

  close(): void {
    this.client.close();
  }

  private call<T>(operation: (done: (error: zookeeper.Exception | Error | null, value: T) => void) => void): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      operation((error, value) => {
        if (!error) return resolve(value);
        if (isNoNode(error)) return resolve(undefined);
        reject(error);
      }),
    );
  }
}

function isNoNode(error: Error | zookeeper.Exception): boolean {
  return error instanceof zookeeper.Exception && error.getCode() === zookeeper.Exception.NO_NODE;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}
