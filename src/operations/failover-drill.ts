import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SmokeTestSettings } from '../actions/smoke-test/settings.js';
import { runSmokeTest, buildSubmission } from '../actions/smoke-test/run-smoke-test.js';
import { theAliveMaster } from '../core/cluster/cluster-state.js';
import { assessCluster, problemsOf } from '../core/cluster/health.js';
import { MasterSet } from '../core/cluster/master-set.js';
import { type MasterNode, masterAddress } from '../core/cluster/topology.js';
import { type DrillJournal, type Fault, probes } from '../core/drill/journal.js';
import { type DrillVerdict, verdictOf } from '../core/drill/verdict.js';
import { ClusterStateError } from '../core/errors.js';
import { type HostPort, formatHostPort } from '../core/inputs/host-port.js';
import { zookeeperConnectString } from '../core/inputs/zookeeper-connect.js';
import type { Log } from '../core/log.js';
import type { NodeOperations } from '../core/nodes/node-operations.js';
import { probeCluster } from '../core/probes/cluster-probe.js';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../core/spark/drill-job.js';
import { isLoopback } from '../core/spark/spark-submit.js';
import { checkResult } from '../core/spark/submission-output.js';
import { sleep, waitUntil } from '../core/wait.js';
import { startSparkSubmit } from '../tools/run-spark-submit.js';
import type { SparkRuntime } from '../tools/spark-runtime.js';
import { ZooKeeperSession } from '../tools/zookeeper-session.js';
import { handOverLeadership } from './leadership-handover.js';
import { MaintenanceLock } from './maintenance-lock.js';
import { MasterPoller } from './master-poller.js';

/** Everything the drill acts on, resolved from the inputs by the caller. */
export interface DrillTargets {
  readonly masters: readonly MasterNode[];
  readonly zookeepers: readonly HostPort[];
  readonly sparkZooKeeperDir: string;
  readonly operations: NodeOperations;
  /** Whole-VM faults; only with Azure access. */
  readonly vmFaults?: { restart(node: MasterNode): Promise<void>; deallocate(node: MasterNode): Promise<void>; start(node: MasterNode): Promise<void> };
}

export interface DrillOptions {
  readonly fault: Fault;
  readonly expectedWorkers?: number;
  readonly maxRecoverySeconds: number;
  readonly graceSeconds: number;
  readonly jobSeconds: number;
  readonly lockWaitSeconds: number;
  readonly pollIntervalMs: number;
}

export interface DrillReport {
  readonly journal: DrillJournal;
  readonly verdict: DrillVerdict;
}

const JOB_START_TIMEOUT_MS = 90_000;
const RESTORE_TIMEOUT_MS = 90_000;

/**
 * The failover drill. Steady state first (else refuse, touching nothing); then, holding the maintenance
 * lock: a running job, the fault on the ALIVE master, polling until a standby leads with every worker back,
 * the job's end, the target restored (always) and rejoined as STANDBY, a new submission, a grace period.
 */
export async function runFailoverDrill(
  targets: DrillTargets,
  options: DrillOptions,
  smokeSettings: SmokeTestSettings,
  runtime: SparkRuntime,
  log: Log,
): Promise<DrillReport> {
  const masterSet = masterSetOf(targets);
  const { target, expectedWorkers } = await checkSteadyState(targets, options.expectedWorkers);

  const journal: DrillJournal = {
    experiment: {
      fault: options.fault,
      target: formatHostPort(masterAddress(target)),
      masters: masterSet.targets.map((t) => t.address),
      expectedWorkers,
      maxRecoverySeconds: options.maxRecoverySeconds,
      graceSeconds: options.graceSeconds,
    },
    startedAt: Date.now(),
    entries: [],
  };
  const zk = await ZooKeeperSession.open(zookeeperConnectString(targets.zookeepers));
  try {
    const lock = await MaintenanceLock.acquire(zk, `failover drill (${options.fault})`, { waitMs: options.lockWaitSeconds * 1000 });
    try {
      const recovered = await faultAndRecover(journal, target, targets, options, masterSet, smokeSettings, runtime, zk, log);
      if (recovered) {
        const submission = await runSmokeTest(smokeSettings, runtime, log).catch((error: Error) => ({ passed: false, reason: error.message }));
        record(journal, log).check('a new submission succeeds', submission.passed, submission.reason);
      }
      // Grace period: keep watching after the takeover and the restore for a second ALIVE master.
      const grace = new MasterPoller(masterSet, (entry) => journal.entries.push(entry), options.pollIntervalMs);
      await sleep(options.graceSeconds * 1000);
      await grace.stop();
    } finally {
      await lock.release().catch(() => undefined);
    }
  } finally {
    zk.close();
  }
  return { journal, verdict: verdictOf(journal) };
}

export function masterSetOf(targets: DrillTargets): MasterSet {
  return new MasterSet(targets.masters.map(masterAddress), targets.masters[0]?.webUiPort);
}

/**
 * The steady-state hypothesis: a healthy ensemble, exactly one ALIVE master with the others STANDBY, and
 * every expected worker ALIVE at the leader. Returns the ALIVE master; throws, having touched nothing, when
 * the hypothesis does not hold.
 */
export async function checkSteadyState(targets: DrillTargets, expected?: number): Promise<{ target: MasterNode; expectedWorkers: number }> {
  const steady = await probeCluster({ zookeepers: targets.zookeepers, masters: masterSetOf(targets).targets });
  const alive = theAliveMaster(steady);
  const expectedWorkers = expected ?? Math.max(1, alive?.workers.filter((worker) => worker.state === 'ALIVE').length ?? 1);
  const health = assessCluster(steady, { zookeeperServers: targets.zookeepers.length, masters: targets.masters.length, minimumWorkers: expectedWorkers });
  const target = targets.masters.find((master) => formatHostPort(masterAddress(master)) === alive?.address);
  if (!health.healthy || !target) {
    throw new ClusterStateError(
      'Failover drill steady state',
      `a healthy ZooKeeper ensemble, exactly one ALIVE master with the others STANDBY, and ${expectedWorkers} workers ALIVE at the leader`,
      problemsOf(health).join('; ') || 'no ALIVE master among the given masters',
      'The drill touched nothing. Bring the cluster back to health first (docs/runbook.md).',
    );
  }
  return { target, expectedWorkers };
}

/**
 * The method: running job, fault, takeover, the job's end; the target is restored in every case before
 * this returns. Returns whether a standby took over (the drill goes on to a new submission only then).
 */
async function faultAndRecover(
  journal: DrillJournal,
  target: MasterNode,
  targets: DrillTargets,
  options: DrillOptions,
  masterSet: MasterSet,
  smokeSettings: SmokeTestSettings,
  runtime: SparkRuntime,
  zk: ZooKeeperSession,
  log: Log,
): Promise<boolean> {
  const { act, check } = record(journal, log);
  const { expectedWorkers } = journal.experiment;
  const poller = new MasterPoller(masterSet, (entry) => journal.entries.push(entry), options.pollIntervalMs);
  const job = await startDrillJob(smokeSettings, runtime, options.jobSeconds);
  act('job submitted', `${options.jobSeconds} s job`);
  let faultIssued = false;
  let restored = false;
  try {
    const running = await waitUntil(() => masterSet.probe(), (states) => states.some((s) => s.reachable && s.status === 'ALIVE' && s.activeApps.some((app) => app.state === 'RUNNING')), { timeoutMs: JOB_START_TIMEOUT_MS, intervalMs: 250 });
    if (!check('job running before the fault', running.satisfied, running.satisfied ? 'the ALIVE master lists it RUNNING' : `not RUNNING within ${JOB_START_TIMEOUT_MS / 1000} s`)) return false;

    log.info(`Fault '${options.fault}' on ${target.name} (${journal.experiment.target}), the ALIVE master`);
    act('fault', `${options.fault} ${target.name}`);
    faultIssued = true;
    const outcome = await applyFault(options.fault, target, targets, zk, log);
    act('fault applied', `${options.fault} ${target.name}${outcome ? `: ${outcome}` : ''}`);

    const recoveryTimeoutMs = Math.max(120, options.maxRecoverySeconds * 3) * 1000;
    const tookOver = (probe: ReturnType<typeof probes>[number] | undefined) =>
      probe?.masters.some((m) => m.address !== journal.experiment.target && m.status === 'ALIVE' && m.aliveWorkers >= expectedWorkers) ?? false;
    const recovered = await waitUntil(async () => probes(journal).at(-1), tookOver, { timeoutMs: recoveryTimeoutMs, intervalMs: 100 });
    if (!check('a standby took over with every worker', recovered.satisfied, recovered.satisfied ? 'a new ALIVE master with every expected worker' : `not within ${recoveryTimeoutMs / 1000} s`)) return false;
    // Restore at once: the cluster should not run on one master any longer than the measurement needs.
    await restore(target, options.fault, targets, masterSet, journal, log);
    restored = true;

    const jobRun = await job.result;
    act('job ended', `exit ${jobRun.exitCode}`);
    const result = checkResult(jobRun.stdout, { kind: 'pi' });
    check('the running job finished successfully', jobRun.exitCode === 0 && result.ok, jobRun.exitCode === 0 ? result.reason : `spark-submit exited with ${jobRun.exitCode}: ${jobRun.stderr.trim().split('\n').at(-1) ?? ''}`);
    return true;
  } finally {
    // Each step runs whatever the one before did: the target is restored and the poller stopped in every case.
    try {
      job.kill();
      await job.result.catch(() => undefined);
      if (faultIssued && !restored) await restore(target, options.fault, targets, masterSet, journal, log);
    } finally {
      await poller.stop();
    }
  }
}

function record(journal: DrillJournal, log: Log) {
  return {
    act: (action: string, detail = '') => void journal.entries.push({ at: Date.now(), kind: 'action', action, detail }),
    check: (name: string, ok: boolean, detail: string): boolean => {
      journal.entries.push({ at: Date.now(), kind: 'check', check: name, ok, detail });
      log.info(`${ok ? 'ok' : 'FAILED'}: ${name}: ${detail}`);
      return ok;
    },
  };
}

/** Applies the fault; returns what the handover did, for the journal. */
async function applyFault(fault: Fault, target: MasterNode, targets: DrillTargets, zk: ZooKeeperSession, log: Log): Promise<string | void> {
  switch (fault) {
    case 'kill':
      return targets.operations.kill(target);
    case 'stop':
      return (await handOverLeadership({ master: target, operations: targets.operations, zk, zookeepers: targets.zookeepers, sparkZooKeeperDir: targets.sparkZooKeeperDir, log })).note;
    case 'restart':
      return targets.operations.restart(target);
    case 'vm-restart':
      return requireVmFaults(targets).restart(target);
    case 'vm-deallocate':
      return requireVmFaults(targets).deallocate(target);
  }
}

/** Brings the target back, whatever happened, and waits for it to rejoin as STANDBY. */
async function restore(target: MasterNode, fault: Fault, targets: DrillTargets, masterSet: MasterSet, journal: DrillJournal, log: Log): Promise<void> {
  const { act, check } = record(journal, log);
  try {
    if (fault === 'vm-deallocate') await requireVmFaults(targets).start(target);
    await targets.operations.start(target);
    act('target restored', target.name);
  } catch (error) {
    check('restored master is STANDBY', false, `could not start ${target.name}: ${(error as Error).message}`);
    return;
  }
  const address = formatHostPort(masterAddress(target));
  const rejoined = await waitUntil(() => masterSet.probe(), (states) => states.some((s) => s.address === address && s.reachable && s.status === 'STANDBY'), { timeoutMs: RESTORE_TIMEOUT_MS, intervalMs: 250 });
  check('restored master is STANDBY', rejoined.satisfied, rejoined.satisfied ? `${target.name} rejoined as STANDBY` : `${target.name} not STANDBY within ${RESTORE_TIMEOUT_MS / 1000} s`);
}

function requireVmFaults(targets: DrillTargets): NonNullable<DrillTargets['vmFaults']> {
  if (!targets.vmFaults) throw new Error('VM faults need Azure access');
  return targets.vmFaults;
}

/** Starts the drill's long-running job in client mode; resolves when spark-submit exits. */
async function startDrillJob(settings: SmokeTestSettings, runtime: SparkRuntime, seconds: number) {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'spark-azure-drill-'));
  const application = path.join(directory, DRILL_JOB_FILE);
  await writeFile(application, DRILL_JOB_SOURCE);
  const submission = { ...buildSubmission({ ...settings, application, arguments: [String(seconds)] }, runtime), name: 'spark-azure failover drill job' };
  const driverHost = submission.conf['spark.driver.host'];
  return startSparkSubmit(runtime, submission, { timeoutMs: (seconds + 300) * 1000, localIp: driverHost && isLoopback(driverHost) ? driverHost : undefined });
}
