/** Pure parsers for ZooKeeper's four-letter-word replies. */

export type ZooKeeperMode = 'leader' | 'follower' | 'observer' | 'standalone';

export interface SrvrReply {
  readonly serving: boolean;
  readonly mode?: ZooKeeperMode;
  readonly version?: string;
  readonly zxid?: string;
  readonly latencyMs?: { min: number; avg: number; max: number };
  readonly outstanding?: number;
  readonly nodeCount?: number;
}

const NOT_SERVING = /not currently serving requests/i;

export function parseSrvr(reply: string): SrvrReply {
  if (NOT_SERVING.test(reply)) return { serving: false };
  const fields = new Map<string, string>();
  for (const line of reply.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const mode = fields.get('Mode') as ZooKeeperMode | undefined;
  if (mode === undefined) return { serving: false };
  const latency = fields.get('Latency min/avg/max')?.split('/').map(Number);
  return {
    serving: true,
    mode,
    version: fields.get('Zookeeper version')?.split(',')[0],
    zxid: fields.get('Zxid'),
    latencyMs: latency && latency.length === 3 && latency.every(Number.isFinite) ? { min: latency[0]!, avg: latency[1]!, max: latency[2]! } : undefined,
    outstanding: numberOrUndefined(fields.get('Outstanding')),
    nodeCount: numberOrUndefined(fields.get('Node count')),
  };
}

export interface MntrReply {
  readonly serving: boolean;
  readonly mode?: ZooKeeperMode;
  /** Leader only: followers in sync with it (observers excluded). */
  readonly syncedFollowers?: number;
  /** Leader only: of the synced followers, those without a vote (joiners a reconfig has not added yet). */
  readonly syncedNonVotingFollowers?: number;
  /** Leader only: learners still syncing. */
  readonly pendingSyncs?: number;
  readonly avgLatencyMs?: number;
  readonly maxLatencyMs?: number;
  readonly outstandingRequests?: number;
  readonly znodeCount?: number;
  readonly aliveConnections?: number;
  /** Leader only: sessions the ensemble holds, connected or waiting to expire. */
  readonly globalSessions?: number;
  readonly raw: ReadonlyMap<string, string>;
}

export function parseMntr(reply: string): MntrReply {
  const raw = new Map<string, string>();
  for (const line of reply.split('\n')) {
    const [key, ...rest] = line.split('\t');
    if (key && key.startsWith('zk_') && rest.length > 0) raw.set(key, rest.join('\t').trim());
  }
  const state = raw.get('zk_server_state') as ZooKeeperMode | undefined;
  if (NOT_SERVING.test(reply) || state === undefined) return { serving: false, raw };
  return {
    serving: true,
    mode: state,
    syncedFollowers: numberOrUndefined(raw.get('zk_synced_followers')),
    syncedNonVotingFollowers: numberOrUndefined(raw.get('zk_synced_non_voting_followers')),
    pendingSyncs: numberOrUndefined(raw.get('zk_pending_syncs')),
    avgLatencyMs: numberOrUndefined(raw.get('zk_avg_latency')),
    maxLatencyMs: numberOrUndefined(raw.get('zk_max_latency')),
    outstandingRequests: numberOrUndefined(raw.get('zk_outstanding_requests')),
    znodeCount: numberOrUndefined(raw.get('zk_znode_count')),
    aliveConnections: numberOrUndefined(raw.get('zk_num_alive_connections')),
    globalSessions: numberOrUndefined(raw.get('zk_global_sessions')),
    raw,
  };
}

/** One client connection from `cons`: who is connected to this server. */
export interface ZooKeeperConnection {
  readonly clientHost: string;
  readonly clientPort: number;
  readonly sessionId?: string;
  /** The negotiated session timeout, after the server's min/max clamp. */
  readonly sessionTimeoutMs?: number;
}

export function parseCons(reply: string): ZooKeeperConnection[] {
  const connections: ZooKeeperConnection[] = [];
  for (const line of reply.split('\n')) {
    const match = /^\s*\/\[?([0-9a-fA-F:.]+?)\]?:(\d+)\[\d+\]\((.*)\)\s*$/.exec(line);
    if (!match) continue;
    const details = match[3] ?? '';
    const sessionId = /sid=(0x[0-9a-f]+)/.exec(details)?.[1];
    const timeout = /\bto=(\d+)/.exec(details)?.[1];
    connections.push({ clientHost: match[1]!, clientPort: Number(match[2]), sessionId, sessionTimeoutMs: timeout === undefined ? undefined : Number(timeout) });
  }
  return connections;
}

function numberOrUndefined(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
