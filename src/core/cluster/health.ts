import { type ClusterState, aliveMasters, aliveWorkerHosts, theAliveMaster, zookeeperLeader } from './cluster-state.js';

/** What a healthy cluster looks like; the probes say what it is. */
export interface HealthExpectations {
  /** Voting ZooKeeper servers in the ensemble. */
  readonly zookeeperCount: number;
  readonly masterCount: number;
  /** Workers that must be ALIVE at the ALIVE master: a minimum, since a scale set may have grown. */
  readonly minimumWorkers: number;
  /** When given, these worker hosts in particular must be ALIVE at the ALIVE master. */
  readonly workerHosts?: readonly string[];
}

export interface HealthReport {
  readonly healthy: boolean;
  readonly zookeeper: readonly string[];
  readonly masters: readonly string[];
  readonly workers: readonly string[];
}

export function problemsOf(report: HealthReport): string[] {
  return [...report.zookeeper, ...report.masters, ...report.workers];
}

/**
 * A ZooKeeper ensemble is healthy when every server serves, exactly one leads, and the leader counts every
 * other voter as a synced follower with no sync pending. "Answers ruok" is not enough: a server can
 * answer while it is still catching up.
 */
export function assessZooKeeper(state: ClusterState, expected: number): string[] {
  const problems: string[] = [];
  for (const server of state.zookeeper) {
    if (!server.reachable) problems.push(`ZooKeeper ${server.address} is unreachable (${server.error ?? 'no answer'})`);
    else if (!server.serving) problems.push(`ZooKeeper ${server.address} is not serving requests`);
  }
  if (state.zookeeper.length !== expected) {
    problems.push(`expected ${expected} ZooKeeper servers, probed ${state.zookeeper.length}`);
  }
  const leaders = state.zookeeper.filter((server) => server.serving && server.mode === 'leader');
  const standalone = state.zookeeper.some((server) => server.mode === 'standalone');
  if (standalone && expected > 1) problems.push('a ZooKeeper server runs standalone, outside the ensemble');
  if (expected === 1) return standalone || leaders.length === 1 ? problems : [...problems, 'no ZooKeeper server serves'];
  if (leaders.length === 0) return [...problems, 'the ZooKeeper ensemble has no leader'];
  if (leaders.length > 1) return [...problems, `${leaders.length} ZooKeeper servers claim to lead`];
  const leader = zookeeperLeader(state)!;
  if (leader.syncedFollowers === undefined) {
    problems.push(`the ZooKeeper leader ${leader.address} did not report synced followers (is 'mntr' whitelisted?)`);
  } else if (leader.syncedFollowers < expected - 1) {
    problems.push(`the ZooKeeper leader ${leader.address} has ${leader.syncedFollowers} of ${expected - 1} followers in sync`);
  }
  if ((leader.pendingSyncs ?? 0) > 0) problems.push(`the ZooKeeper leader has ${leader.pendingSyncs} syncs pending`);
  return problems;
}

/** Exactly one ALIVE master and every other one STANDBY: Spark's own definition of a healthy master set. */
export function assessMasters(state: ClusterState, expected: number): string[] {
  const problems: string[] = [];
  for (const master of state.masters) {
    if (!master.reachable) problems.push(`Spark master ${master.address} is unreachable (${master.error})`);
    else if (master.status !== 'ALIVE' && master.status !== 'STANDBY') {
      problems.push(`Spark master ${master.address} is ${master.status}`);
    }
  }
  if (state.masters.length !== expected) problems.push(`expected ${expected} Spark masters, probed ${state.masters.length}`);
  const alive = aliveMasters(state);
  if (alive.length === 0) problems.push('no Spark master is ALIVE');
  if (alive.length > 1) problems.push(`${alive.length} Spark masters are ALIVE at once: ${alive.map((m) => m.address).join(', ')}`);
  return problems;
}

export function assessWorkers(state: ClusterState, expectations: HealthExpectations): string[] {
  if (theAliveMaster(state) === undefined) return ['workers cannot be checked without a single ALIVE master'];
  const alive = aliveWorkerHosts(state);
  const problems: string[] = [];
  if (alive.length < expectations.minimumWorkers) {
    problems.push(`${alive.length} workers are ALIVE at the ALIVE master, expected at least ${expectations.minimumWorkers}`);
  }
  for (const host of expectations.workerHosts ?? []) {
    if (!alive.includes(host)) problems.push(`worker ${host} is not ALIVE at the ALIVE master`);
  }
  return problems;
}

export function assessCluster(state: ClusterState, expectations: HealthExpectations): HealthReport {
  const zookeeper = assessZooKeeper(state, expectations.zookeeperCount);
  const masters = assessMasters(state, expectations.masterCount);
  const workers = assessWorkers(state, expectations);
  return { healthy: zookeeper.length + masters.length + workers.length === 0, zookeeper, masters, workers };
}
