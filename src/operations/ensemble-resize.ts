import { type ZooKeeperNode, zookeeperClientAddress } from '../core/cluster/topology.js';
import { ClusterStateError } from '../core/errors.js';
import { formatHostPort } from '../core/inputs/host-port.js';
import type { Log } from '../core/log.js';
import { waitUntil } from '../core/wait.js';
import { type EnsembleAccess, type EnsembleMembership, readMembership, voterIds } from '../core/cluster/ensemble-membership.js';
import { sendFourLetterWord } from '../core/zookeeper/four-letter-word.js';
import { parseMntr, parseSrvr } from '../core/zookeeper/zookeeper-replies.js';
import { ZooKeeperSession } from '../core/zookeeper/zookeeper-session.js';
import { MaintenanceLock } from './maintenance-lock.js';

export interface ResizeStep {
  readonly change: 'add' | 'remove';
  readonly server: string;
  /** From the start of the step to the gate after it. */
  readonly seconds: number;
  /** The membership version the step committed (hex, as ZooKeeper prints it). */
  readonly version: string;
}

export interface ResizeReport {
  readonly before: readonly number[];
  readonly after: readonly number[];
  readonly steps: readonly ResizeStep[];
  readonly seconds: number;
}

export interface ResizeOptions {
  readonly log: Log;
  /** How long a joiner may take to sync, and the ensemble to be healthy after a step. */
  readonly gateTimeoutMs: number;
  readonly lockWaitMs: number;
  /** A closed cluster's secret: the resize's ZooKeeper session authenticates with it. */
  readonly clusterSecret?: string;
}

export const ENSEMBLE_SIZES = [3, 5] as const;
const CHECK_PATH = '/spark-azure/ensemble-resize/write-check-';

/**
 * Grows or shrinks the ZooKeeper ensemble to `wantedVoterIds` with dynamic reconfiguration, one server per step
 * and no restart of any other server: a joiner is started first and added only once it follows the leader
 * (synced); a leaving server is removed by reconfig, a write is committed by the remaining quorum, and only
 * then is it stopped. Before every step the ensemble must be healthy and the maintenance lock still ours;
 * after every step every member must report the new membership. The first failure halts, touching nothing
 * further. `servers` are every server the change knows (current members and the wanted ones).
 */
export async function resizeEnsemble(servers: readonly ZooKeeperNode[], wantedVoterIds: readonly number[], access: EnsembleAccess, options: ResizeOptions): Promise<ResizeReport> {
  const started = performance.now();
  const byId = new Map(servers.map((server) => [server.id, server]));
  const membership = await currentMembership(servers);
  const before = voterIds(membership);
  const unknown = before.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new ClusterStateError(
      'ZooKeeper ensemble',
      'members that this cluster knows',
      `server.${unknown.join(', server.')} in its membership`,
      'Give the servers of the whole ensemble (the topology or inventory it was provisioned with).',
    );
  }
  const wanted = [...new Set(wantedVoterIds)].sort((a, b) => a - b);
  const staying = before.filter((id) => wanted.includes(id)).map((id) => byId.get(id)!);
  if (!(ENSEMBLE_SIZES as readonly number[]).includes(wanted.length) || wanted.some((id) => !byId.has(id)) || staying.length === 0) {
    throw new ClusterStateError(
      'ZooKeeper ensemble resize',
      `${ENSEMBLE_SIZES.join(' or ')} known servers, at least one of them a voter now`,
      `voters ${before.join(',')} to become ${wanted.join(',')}`,
      'Ask for 3 or 5 servers of this ensemble; nothing was changed.',
    );
  }
  const adds = wanted.filter((id) => !before.includes(id)).map((id) => byId.get(id)!);
  const removes = before
    .filter((id) => !wanted.includes(id))
    .sort((a, b) => b - a)
    .map((id) => byId.get(id)!);
  const through = staying[0]!;
  const steps: ResizeStep[] = [];
  if (adds.length + removes.length === 0) return { before, after: before, steps, seconds: 0 };

  const session = await ZooKeeperSession.open(staying.map((server) => formatHostPort(zookeeperClientAddress(server))).join(','), { clusterSecret: options.clusterSecret });
  try {
    const lock = await MaintenanceLock.acquire(session, 'zookeeper ensemble resize', { waitMs: options.lockWaitMs });
    let voters = before.map((id) => byId.get(id)!);
    try {
      for (const joiner of adds) {
        const stepStarted = performance.now();
        await lock.ensureHeld('zookeeper ensemble resize');
        await requireHealthy(voters, options, `before adding ${joiner.name}`);
        options.log.info(`Starting ${joiner.name} (${joiner.host}), which follows the leader without a vote until added`);
        await access.startJoiner(joiner);
        await requireFollowing(joiner, options);
        options.log.info(`Adding ${joiner.name} as a voter through ${through.name}`);
        await access.reconfigure(through, { add: joiner });
        voters = [...voters, joiner];
        const version = await requireMembership(voters, voters, options, `after adding ${joiner.name}`);
        await requireHealthy(voters, options, `after adding ${joiner.name}`);
        steps.push({ change: 'add', server: joiner.name, seconds: (performance.now() - stepStarted) / 1000, version });
        options.log.info(`${joiner.name} votes: ${voters.length} voters, membership version ${version}`);
      }
      for (const leaving of removes) {
        const stepStarted = performance.now();
        await lock.ensureHeld('zookeeper ensemble resize');
        await requireHealthy(voters, options, `before removing ${leaving.name}`);
        options.log.info(`Removing ${leaving.name} from the voters through ${through.name}`);
        await access.reconfigure(through, { remove: leaving });
        voters = voters.filter((server) => server.id !== leaving.id);
        const version = await requireMembership(voters, voters, options, `after removing ${leaving.name}`);
        // The remaining quorum commits a write before the server stops: the new membership is in force.
        await session.remove(await session.create(CHECK_PATH, leaving.name, 'persistent-sequential'));
        options.log.info(`A write committed without ${leaving.name}; stopping it`);
        await access.retire(leaving);
        await requireHealthy(voters, options, `after removing ${leaving.name}`);
        steps.push({ change: 'remove', server: leaving.name, seconds: (performance.now() - stepStarted) / 1000, version });
      }
    } finally {
      await lock.release().catch(() => undefined);
    }
    return { before, after: voterIds(await currentMembership(voters)), steps, seconds: (performance.now() - started) / 1000 };
  } finally {
    session.close();
  }
}

/** The newest membership any server reports. */
async function currentMembership(servers: readonly ZooKeeperNode[]): Promise<EnsembleMembership> {
  const answers = await Promise.all(servers.map((server) => readMembership(zookeeperClientAddress(server)).catch(() => undefined)));
  const newest = answers.reduce<EnsembleMembership | undefined>((best, answer) => (answer && (!best || answer.version > best.version) ? answer : best), undefined);
  if (!newest) {
    throw new ClusterStateError(
      'ZooKeeper ensemble',
      `its membership from any of ${servers.map((server) => server.name).join(', ')} ('conf')`,
      'no answer with a membership',
      "Check that the servers run and whitelist 'conf' (4lw.commands.whitelist; the zookeeper role does after a rolling update).",
    );
  }
  return newest;
}

/** Every voter serves, one leads, and the leader counts every other voter as a synced follower. */
async function ensembleProblems(voters: readonly ZooKeeperNode[]): Promise<string[]> {
  const problems: string[] = [];
  const leaders: ZooKeeperNode[] = [];
  let synced: number | undefined;
  for (const server of voters) {
    try {
      const mntr = parseMntr(await sendFourLetterWord(zookeeperClientAddress(server), 'mntr', 2000));
      if (!mntr.serving) problems.push(`${server.name} is not serving`);
      if (mntr.mode === 'leader') {
        leaders.push(server);
        synced = (mntr.syncedFollowers ?? 0) - (mntr.syncedNonVotingFollowers ?? 0);
        if ((mntr.pendingSyncs ?? 0) > 0) problems.push(`the leader ${server.name} has ${mntr.pendingSyncs} syncs pending`);
      }
    } catch (error) {
      problems.push(`${server.name} does not answer (${(error as Error).message})`);
    }
  }
  if (leaders.length !== 1) problems.push(`${leaders.length} leaders`);
  else if (synced !== voters.length - 1) problems.push(`the leader ${leaders[0]!.name} has ${synced} of ${voters.length - 1} voting followers in sync`);
  return problems;
}

async function requireHealthy(voters: readonly ZooKeeperNode[], options: ResizeOptions, when: string): Promise<void> {
  const result = await waitUntil(
    () => ensembleProblems(voters),
    (problems) => problems.length === 0,
    { timeoutMs: options.gateTimeoutMs, intervalMs: 250 },
  );
  if (!result.satisfied) {
    throw new ClusterStateError(
      `ZooKeeper ensemble ${when}`,
      `healthy within ${options.gateTimeoutMs / 1000} s`,
      result.last.join('; '),
      'The resize halted here and changed nothing further; see docs/runbook.md, "A ZooKeeper resize halts".',
    );
  }
}

/** A joiner serves once it has synced from the leader, as a follower. */
async function requireFollowing(joiner: ZooKeeperNode, options: ResizeOptions): Promise<void> {
  const result = await waitUntil(
    () =>
      sendFourLetterWord(zookeeperClientAddress(joiner), 'srvr', 2000)
        .then((reply) => parseSrvr(reply))
        .catch((error: Error) => ({ serving: false, mode: undefined, error: error.message })),
    (srvr) => srvr.serving && srvr.mode === 'follower',
    { timeoutMs: options.gateTimeoutMs, intervalMs: 250 },
  );
  if (!result.satisfied) {
    throw new ClusterStateError(
      `ZooKeeper server ${joiner.name}`,
      `to follow the leader (synced) within ${options.gateTimeoutMs / 1000} s`,
      'error' in result.last ? `no answer (${result.last.error})` : `mode ${result.last.mode ?? 'none'}, serving ${result.last.serving}`,
      `It was not added; read its log. The resize halted here; see docs/runbook.md, "A ZooKeeper resize halts".`,
    );
  }
}

/** Every one of `servers` reports exactly `voters` as the voting members; resolves to that version. */
async function requireMembership(servers: readonly ZooKeeperNode[], voters: readonly ZooKeeperNode[], options: ResizeOptions, when: string): Promise<string> {
  const wanted = voters.map((server) => server.id).sort((a, b) => a - b);
  const result = await waitUntil(
    () => Promise.all(servers.map((server) => readMembership(zookeeperClientAddress(server)).catch(() => undefined))),
    (answers) => answers.every((answer) => answer !== undefined && voterIds(answer).join() === wanted.join()),
    { timeoutMs: options.gateTimeoutMs, intervalMs: 250 },
  );
  if (!result.satisfied) {
    const seen = servers.map((server, index) => `${server.name}: ${result.last[index] ? voterIds(result.last[index]!).join(',') : 'no answer'}`);
    throw new ClusterStateError(
      `ZooKeeper membership ${when}`,
      `voters ${wanted.join(',')} on every member`,
      seen.join('; '),
      'The resize halted here; see docs/runbook.md, "A ZooKeeper resize halts".',
    );
  }
  return result.last[0]!.version.toString(16);
}
