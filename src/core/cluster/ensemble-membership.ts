import type { ZooKeeperNode } from './topology.js';
import type { HostPort } from '../inputs/host-port.js';
import { sendFourLetterWord } from '../zookeeper/four-letter-word.js';

/** What changing the membership needs from where the servers run (the local cluster, VMs). */
export interface EnsembleAccess {
  /** Configures and starts a server that is no member yet: it follows the leader, without a vote, until added. */
  startJoiner(node: ZooKeeperNode): Promise<void>;
  /** Runs `reconfig` through that member's own command, as its super user; resolves to ZooKeeper's answer. */
  reconfigure(through: ZooKeeperNode, change: EnsembleChange): Promise<string>;
  /** Stops (and removes) a server that is no member any more. */
  retire(node: ZooKeeperNode): Promise<void>;
}

export type EnsembleChange = { readonly add: ZooKeeperNode } | { readonly remove: ZooKeeperNode };

/** The arguments of the zookeeper role's `zookeeper-reconfigure` command for a change. */
export function reconfigureArguments(change: EnsembleChange): [string, string] {
  return 'add' in change ? ['-add', serverLine(change.add)] : ['-remove', String(change.remove.id)];
}

/** One server.N line of ZooKeeper's dynamic configuration. */
export interface EnsembleMember {
  readonly id: number;
  readonly host: string;
  readonly role: 'participant' | 'observer';
  readonly client?: HostPort;
}

/** The membership a server runs with: the `membership:` part of its `conf` reply. */
export interface EnsembleMembership {
  /** The zxid that committed it (0 before any reconfig since the first start). */
  readonly version: bigint;
  readonly members: readonly EnsembleMember[];
}

const SERVER_LINE = /^server\.(\d+)=([^:;]+):\d+:\d+(?::(participant|observer))?(?:;(?:(.+):)?(\d+))?$/;

/** Parses `conf`; undefined when the reply has no membership (a server older than 3.5, or not serving). */
export function parseMembership(confReply: string): EnsembleMembership | undefined {
  const [, section] = confReply.split('membership:');
  if (section === undefined) return undefined;
  let version: bigint | undefined;
  const members: EnsembleMember[] = [];
  for (const line of section.split('\n').map((text) => text.trim())) {
    const server = SERVER_LINE.exec(line);
    if (server) {
      const [, id, host, role, clientHost, clientPort] = server;
      const client = clientPort === undefined ? undefined : { host: !clientHost || clientHost === '0.0.0.0' ? host! : clientHost, port: Number(clientPort) };
      members.push({ id: Number(id), host: host!, role: (role as EnsembleMember['role'] | undefined) ?? 'participant', client });
    } else if (line.startsWith('version=')) {
      version = BigInt(`0x${line.slice('version='.length)}`);
    }
  }
  return version === undefined || members.length === 0 ? undefined : { version, members };
}

export async function readMembership(address: HostPort, timeoutMs = 2000): Promise<EnsembleMembership | undefined> {
  return parseMembership(await sendFourLetterWord(address, 'conf', timeoutMs));
}

export function voterIds(membership: EnsembleMembership): number[] {
  return membership.members
    .filter((member) => member.role === 'participant')
    .map((member) => member.id)
    .sort((a, b) => a - b);
}

/** The line `reconfig -add` takes for a server: a voter, serving clients on its own address only. */
export function serverLine(node: ZooKeeperNode): string {
  return `server.${node.id}=${node.host}:${node.quorumPort}:${node.electionPort}:participant;${node.host}:${node.clientPort}`;
}
