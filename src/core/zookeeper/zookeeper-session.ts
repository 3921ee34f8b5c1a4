import { createHmac } from 'node:crypto';
import zookeeper from 'node-zookeeper-client';
import { ActionableError } from '../errors.js';

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

const OPERATION_TIMEOUT_MS = 15_000;

/**
 * The digest user every spark-azure client is on a closed cluster (the recovery plugin's
 * ClusterCredentials.USER: a static test keeps them equal). Its password is derived from the cluster
 * secret: digest authentication sends it in clear, so the secret Spark authenticates with never crosses
 * the network to ZooKeeper.
 */
export const ZOOKEEPER_CLUSTER_USER = 'spark-azure';
export const ZOOKEEPER_PASSWORD_PURPOSE = 'spark-azure zookeeper password';

/** HMAC-SHA256 of the purpose with the cluster secret, base64url (ClusterCredentials.password). */
export function zookeeperPassword(clusterSecret: string): string {
  return createHmac('sha256', clusterSecret).update(ZOOKEEPER_PASSWORD_PURPOSE).digest('base64url');
}

// ZooKeeper's answer to a request from a session that has not authenticated where the servers enforce it
// (SessionClosedRequireAuthException). node-zookeeper-client 1.1.3 does not know the code and would throw
// "Unknown code: -124" from its socket handler, out of reach of any caller: it becomes AUTH_FAILED here.
const SESSION_CLOSED_REQUIRE_AUTH = -124;
type ExceptionFactory = (code: number, path?: string) => zookeeper.Exception;
const exceptions = zookeeper.Exception as unknown as { create: ExceptionFactory };
const createException = exceptions.create;
exceptions.create = (code, path) => createException(code === SESSION_CLOSED_REQUIRE_AUTH ? zookeeper.Exception.AUTH_FAILED : code, path);

const OPEN_TO_ANYONE = [new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('world', 'anyone'))];
// `auth`: ZooKeeper puts the creating session's own ids there, i.e. the cluster's digest user.
const CLUSTER_ONLY = [new zookeeper.ACL(zookeeper.Permission.ALL, new zookeeper.Id('auth', ''))];

interface SessionOptions {
  readonly sessionTimeoutMs: number;
  readonly connectTimeoutMs: number;
  /** The cluster secret of a closed cluster: the session authenticates and creates cluster-only nodes. */
  readonly clusterSecret?: string;
}

/**
 * A ZooKeeper session for spark-azure's own work (reading Spark's leader latch, holding the maintenance
 * lock). Promise-based; "no node" is an answer (undefined or false), not an error.
 *
 * It outlives ZooKeeper restarts: every call is bounded in time, and a session the ensemble expired (it
 * can, while the servers restart) is replaced by a new one, since the client library would otherwise
 * queue requests on the dead session for ever. Ephemeral nodes die with the old session: holders check.
 */
export class ZooKeeperSession {
  private client: Promise<zookeeper.Client>;
  private closed = false;

  private constructor(
    private readonly connectString: string,
    private readonly options: SessionOptions,
    first: zookeeper.Client,
  ) {
    this.client = Promise.resolve(first);
    this.watchExpiry(first);
  }

  static async open(connectString: string, options: { sessionTimeoutMs?: number; connectTimeoutMs?: number; clusterSecret?: string } = {}): Promise<ZooKeeperSession> {
    const settings = { sessionTimeoutMs: options.sessionTimeoutMs ?? 6000, connectTimeoutMs: options.connectTimeoutMs ?? 10_000, clusterSecret: options.clusterSecret };
    return new ZooKeeperSession(connectString, settings, await connect(connectString, settings));
  }

  /** This session's id, as ZooKeeper prints it in `cons` (sid=0x...). */
  async sessionId(): Promise<bigint> {
    return BigInt(`0x${(await this.client).getSessionId().toString('hex')}`);
  }

  private watchExpiry(client: zookeeper.Client): void {
    client.once('expired', () => {
      client.close();
      if (this.closed) return;
      this.client = connect(this.connectString, this.options);
      void this.client.then((next) => this.watchExpiry(next)).catch(() => undefined);
    });
  }

  children(path: string): Promise<string[] | undefined> {
    return this.call<string[] | undefined>((client, done) => client.getChildren(path, (error, children) => done(error, children)));
  }

  stat(path: string): Promise<ZNodeStat | undefined> {
    return this.call<ZNodeStat | undefined>((client, done) =>
      client.exists(path, (error, stat) =>
        done(
          error,
          stat
            ? { ephemeralOwner: BigInt(`0x${stat.ephemeralOwner.toString('hex')}`), version: stat.version, ctimeMs: Number(BigInt(`0x${stat.ctime.toString('hex')}`)) }
            : undefined,
        ),
      ),
    );
  }

  data(path: string): Promise<Buffer | undefined> {
    return this.call((client, done) => client.getData(path, (error, data) => done(error, data ?? Buffer.alloc(0))));
  }

  /** Creates the node (and missing parents, persistent) and returns its actual path. */
  async create(path: string, data: string, mode: ZNodeMode): Promise<string> {
    // On a closed cluster every node is the cluster's alone, as the masters' (CREATOR_ALL: the session's digest).
    const acls = this.options.clusterSecret === undefined ? OPEN_TO_ANYONE : CLUSTER_ONLY;
    await this.bounded<void>(`mkdirp ${parentOf(path)}`, (client, resolve, reject) =>
      client.mkdirp(parentOf(path), acls, zookeeper.CreateMode.PERSISTENT, (error) => (error ? reject(error) : resolve())),
    );
    return this.bounded<string>(`create ${path}`, (client, resolve, reject) =>
      client.create(path, Buffer.from(data), acls, MODES[mode], (error, created) => (error ? reject(error) : resolve(created))),
    );
  }

  /** Deletes the node if it still has `version` (-1: any); false when it was already gone. */
  remove(path: string, version = -1): Promise<boolean> {
    return this.bounded<boolean>(`remove ${path}`, (client, resolve, reject) =>
      client.remove(path, version, (error) => {
        if (!error) return resolve(true);
        if (isNoNode(error)) return resolve(false);
        reject(error);
      }),
    );
  }

  /** A closed cluster's refusals, said as what to do; anything else as ZooKeeper said it. */
  private explained(error: Error | zookeeper.Exception): Error {
    if (!(error instanceof zookeeper.Exception)) return error;
    const where = `ZooKeeper ${this.connectString}`;
    if (error.getCode() === zookeeper.Exception.AUTH_FAILED && this.options.clusterSecret === undefined)
      return new ActionableError(
        where,
        'an open cluster',
        'the session closed: the servers require authentication',
        'The cluster is closed: pass clusterSecret, or configurationStore (docs/security.md).',
      );
    if (error.getCode() === zookeeper.Exception.NO_AUTH)
      return new ActionableError(
        where,
        'access to the cluster’s nodes',
        `insufficient permission for ${error.getPath() ?? 'a node'}`,
        this.options.clusterSecret === undefined
          ? 'The cluster is closed: pass clusterSecret, or configurationStore (docs/security.md).'
          : 'Check that clusterSecret is the cluster’s current secret (docs/security.md).',
      );
    return error as unknown as Error;
  }

  close(): void {
    this.closed = true;
    void this.client.then((client) => client.close()).catch(() => undefined);
  }

  private call<T>(operation: (client: zookeeper.Client, done: (error: zookeeper.Exception | Error | null, value: T) => void) => void): Promise<T | undefined> {
    return this.bounded<T | undefined>('read', (client, resolve, reject) =>
      operation(client, (error, value) => {
        if (!error) return resolve(value);
        if (isNoNode(error)) return resolve(undefined);
        reject(error);
      }),
    );
  }

  /** Runs one request on the current client; rejects instead of waiting past OPERATION_TIMEOUT_MS. */
  private bounded<T>(what: string, operation: (client: zookeeper.Client, resolve: (value: T) => void, reject: (error: Error | zookeeper.Exception) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`ZooKeeper ${what}: no answer within ${OPERATION_TIMEOUT_MS / 1000} s`)), OPERATION_TIMEOUT_MS);
      const settle =
        <A>(finish: (argument: A) => void) =>
        (argument: A) => {
          clearTimeout(timer);
          finish(argument);
        };
      const refuse = (error: Error | zookeeper.Exception) => reject(this.explained(error));
      this.client.then((client) => operation(client, settle(resolve), settle(refuse)), settle(reject));
    });
  }
}

function connect(connectString: string, options: SessionOptions): Promise<zookeeper.Client> {
  const client = zookeeper.createClient(connectString, { sessionTimeout: options.sessionTimeoutMs, spinDelay: 200, retries: 2 });
  // Sent before every request, again after each reconnect.
  if (options.clusterSecret !== undefined) client.addAuthInfo('digest', Buffer.from(`${ZOOKEEPER_CLUSTER_USER}:${zookeeperPassword(options.clusterSecret)}`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.close();
      reject(
        new ActionableError(
          `ZooKeeper ${connectString}`,
          'a session',
          `no connection within ${options.connectTimeoutMs / 1000} s`,
          'Check that the ensemble serves (echo srvr | nc <server> 2181) and that this runner reaches port 2181.',
        ),
      );
    }, options.connectTimeoutMs);
    client.once('connected', () => {
      clearTimeout(timer);
      resolve(client);
    });
    client.connect();
  });
}

function isNoNode(error: Error | zookeeper.Exception): boolean {
  return error instanceof zookeeper.Exception && error.getCode() === zookeeper.Exception.NO_NODE;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/')) || '/';
}
