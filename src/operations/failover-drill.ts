import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { theAliveMaster } from '../core/cluster/cluster-state.js';
import { assessCluster, problemsOf } from '../core/cluster/health.js';
import { MasterSet } from '../core/cluster/master-set.js';
import { type MasterNode, masterAddress } from '../core/cluster/topology.js';
import type { DrillCluster, NodeRecreation, VmFaults } from '../core/drill/drill-cluster.js';
import {
  DRILL_ACTIONS,
  DRILL_CHECKS,
  type DrillAction,
  type DrillCheck,
  type DrillJournal,
  NO_ALIVE_MASTER_ALERT,
  actionAt,
  checks,
  faultPages,
  probes,
} from '../core/drill/journal.js';
import { FAULT_ACCESS, type Fault } from '../core/drill/faults.js';
import { type DrillVerdict, verdictOf } from '../core/drill/verdict.js';
import { cancellation } from '../core/cancellation.js';
import { ActionableError, ClusterStateError } from '../core/errors.js';
import { formatHostPort } from '../core/inputs/host-port.js';
import { zookeeperConnectString } from '../core/inputs/zookeeper-connect.js';
import type { Log } from '../core/log.js';
import { probeCluster } from '../core/cluster/cluster-probe.js';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../core/spark/drill-job.js';
import type { SparkJob, SubmissionMasters } from '../core/spark/spark-job.js';
import { aliveOf } from '../core/spark/spark-master-probe.js';
import { checkResult } from '../core/spark/submission-output.js';
import { sleep, waitUntil } from '../core/wait.js';
import { ZooKeeperSession } from '../core/zookeeper/zookeeper-session.js';
import type { SparkRuntime } from '../tools/spark-runtime.js';
import { AlertWatcher } from './alert-watcher.js';
import { handOverLeadership } from './leadership-handover.js';
import { MaintenanceLock } from './maintenance-lock.js';
import { MasterPoller } from './master-poller.js';
import { runSparkJob, startSparkJob } from './spark-job.js';

export interface DrillOptions {
  readonly fault: Fault;
  readonly expectedWorkers?: number;
  readonly maxRecoverySeconds: number;
  readonly graceSeconds: number;
  readonly jobSeconds: number;
  readonly lockWaitSeconds: number;
  readonly pollIntervalMs: number;
}

/** Everything one drill needs: the cluster, its options, where jobs go, and the run's scratch space. */
export interface DrillContext {
  readonly cluster: DrillCluster;
  readonly options: DrillOptions;
  /** Where the drill's job and the new submission go. */
  readonly submitTo: SubmissionMasters;
  /** The user's smoke test, submitted again once a standby has taken over. */
  readonly smokeJob: SparkJob;
  readonly runtime: SparkRuntime;
  /** The run's temp directory: the drill job's script is written there and removed afterwards. */
  readonly tempDir: string;
  readonly log: Log;
  /** With it, the drill also proves the pager: a hard fault fires no-ALIVE-master and resolves, a planned one pages nobody. */
  readonly alertmanagerUrl?: string;
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
 * the job's end, the faulted restored (always) and rejoined as STANDBY, a new submission, a grace period.
 */
export function runFailoverDrill(context: DrillContext): Promise<DrillReport> {
  return cancellation.within(drillTimeLimitMs(context), 'the failover drill', () => drill(context));
}

/** Every bounded wait of a drill, added up, with a margin: past it, something hangs and the drill is cancelled. */
export function drillTimeLimitMs({ options, submitTo, smokeJob, cluster }: DrillContext): number {
  const recreation = options.fault === 'destroy' ? (cluster.recreation?.timeLimitSeconds ?? 0) : 0;
  const seconds =
    options.lockWaitSeconds +
    JOB_START_TIMEOUT_MS / 1000 +
    recoveryTimeoutMs(options) / 1000 +
    recreation +
    RESTORE_TIMEOUT_MS / 1000 +
    options.graceSeconds +
    PAGE_RESOLVE_TIMEOUT_MS / 1000;
  const newSubmission = submitTo.aliveMasterTimeoutSeconds + smokeJob.timeoutSeconds;
  return (seconds + newSubmission + 120) * 1000;
}

/** How long after the takeover a page may take to resolve: Prometheus's next evaluations and Alertmanager's next flush. */
const PAGE_RESOLVE_TIMEOUT_MS = 60_000;

function recoveryTimeoutMs(options: DrillOptions): number {
  return Math.max(120, options.maxRecoverySeconds * 3) * 1000;
}

async function drill(context: DrillContext): Promise<DrillReport> {
  const { cluster, options, log } = context;
  const masterSet = masterSetOf(cluster);
  const { aliveMaster: faulted, expectedWorkers } = await checkSteadyState(cluster, options.expectedWorkers);

  const journal: DrillJournal = {
    experiment: {
      fault: options.fault,
      faultedMaster: formatHostPort(masterAddress(faulted)),
      masters: masterSet.endpoints.map((endpoint) => endpoint.address),
      expectedWorkers,
      maxRecoverySeconds: options.maxRecoverySeconds,
      graceSeconds: options.graceSeconds,
    },
    startedAt: Date.now(),
    entries: [],
  };
  const zk = await ZooKeeperSession.open(zookeeperConnectString(cluster.zookeepers), { clusterSecret: context.submitTo.clusterSecret });
  try {
    const lock = await MaintenanceLock.acquire(zk, `failover drill (${options.fault})`, { waitMs: options.lockWaitSeconds * 1000 });
    const alerts = context.alertmanagerUrl ? new AlertWatcher(context.alertmanagerUrl) : undefined;
    try {
      const recovered = await faultAndRecover({ ...context, journal, faulted, masterSet, zk });
      if (recovered) {
        const submission = await runSparkJob(context.submitTo, context.smokeJob, context.runtime, log).catch((error: Error) => ({ passed: false, reason: error.message }));
        record(journal, log).check(DRILL_CHECKS.newSubmission, submission.passed, submission.reason);
      }
      // Grace period: keep watching after the takeover and the restore for a second ALIVE master.
      const grace = new MasterPoller(masterSet, (entry) => journal.entries.push(entry), options.pollIntervalMs);
      await sleep(options.graceSeconds * 1000);
      await grace.stop();
      if (alerts && recovered) await checkPager(journal, alerts, log);
    } finally {
      await alerts?.stop();
      await lock.release().catch(() => undefined);
    }
  } finally {
    zk.close();
  }
  return { journal, verdict: verdictOf(journal) };
}

export function masterSetOf(cluster: DrillCluster): MasterSet {
  return new MasterSet(cluster.masters.map(masterAddress), cluster.masters[0]?.webUiPort);
}

/**
 * The steady-state hypothesis: a healthy ensemble, exactly one ALIVE master with the others STANDBY, and
 * every expected worker ALIVE at the ALIVE master. Returns that master; throws, having touched nothing,
 * when the hypothesis does not hold.
 */
export async function checkSteadyState(cluster: DrillCluster, expected?: number): Promise<{ aliveMaster: MasterNode; expectedWorkers: number }> {
  const steady = await probeCluster({ zookeepers: cluster.zookeepers, masters: masterSetOf(cluster).endpoints });
  const alive = theAliveMaster(steady);
  const expectedWorkers = expected ?? Math.max(1, alive?.workers.filter((worker) => worker.state === 'ALIVE').length ?? 1);
  const health = assessCluster(steady, { zookeeperCount: cluster.zookeepers.length, masterCount: cluster.masters.length, minimumWorkers: expectedWorkers });
  const aliveMaster = cluster.masters.find((master) => formatHostPort(masterAddress(master)) === alive?.address);
  if (!health.healthy || !aliveMaster) {
    throw new ClusterStateError(
      'Failover drill steady state',
      `a healthy ZooKeeper ensemble, exactly one ALIVE master with the others STANDBY, and ${expectedWorkers} workers ALIVE at the ALIVE master`,
      problemsOf(health).join('; ') || 'no ALIVE master among the given masters',
      'The drill touched nothing. Bring the cluster back to health first (docs/runbook.md).',
    );
  }
  return { aliveMaster, expectedWorkers };
}

/** One drill under way: its context, its journal, the master the fault hits, and the lock's session. */
interface DrillRun extends DrillContext {
  readonly journal: DrillJournal;
  readonly faulted: MasterNode;
  readonly masterSet: MasterSet;
  readonly zk: ZooKeeperSession;
}

/**
 * The method: running job, fault, takeover, the job's end; the faulted is restored in every case before
 * this returns. Returns whether a standby took over (the drill goes on to a new submission only then).
 */
async function faultAndRecover(run: DrillRun): Promise<boolean> {
  const { journal, faulted, options, masterSet, log } = run;
  const { act, check } = record(journal, log);
  const { expectedWorkers } = journal.experiment;
  const poller = new MasterPoller(masterSet, (entry) => journal.entries.push(entry), options.pollIntervalMs);
  const job = await startDrillJob(run);
  act(DRILL_ACTIONS.jobSubmitted, `${options.jobSeconds} s job`);
  let faultIssued = false;
  let restored = false;
  try {
    // Running means its executors have run a round: the ALIVE master lists it RUNNING and the job has
    // written its first-round marker.
    const running = await waitUntil(
      () => masterSet.probe(),
      (states) => existsSync(job.firstRoundMarker) && aliveOf(states).some((master) => master.activeApps.some((app) => app.state === 'RUNNING')),
      { timeoutMs: JOB_START_TIMEOUT_MS, intervalMs: 250 },
    );
    const runningDetail = running.satisfied
      ? 'the ALIVE master lists it RUNNING and its first round ran on the executors'
      : `not running a round within ${JOB_START_TIMEOUT_MS / 1000} s`;
    if (!check(DRILL_CHECKS.jobRunning, running.satisfied, runningDetail)) return false;

    log.info(`Fault '${options.fault}' on ${faulted.name} (${journal.experiment.faultedMaster}), the ALIVE master`);
    act(DRILL_ACTIONS.fault, `${options.fault} ${faulted.name}`);
    faultIssued = true;
    const outcome = await applyFault(run);
    act(DRILL_ACTIONS.faultApplied, `${options.fault} ${faulted.name}${outcome ? `: ${outcome}` : ''}`);

    const recoveryTimeout = recoveryTimeoutMs(options);
    const tookOver = (probe: ReturnType<typeof probes>[number] | undefined) =>
      probe?.masters.some((m) => m.address !== journal.experiment.faultedMaster && m.status === 'ALIVE' && m.aliveWorkers >= expectedWorkers) ?? false;
    const recovered = await waitUntil(async () => probes(journal).at(-1), tookOver, { timeoutMs: recoveryTimeout, intervalMs: 100 });
    if (!check(DRILL_CHECKS.tookOver, recovered.satisfied, recovered.satisfied ? 'a new ALIVE master with every expected worker' : `not within ${recoveryTimeout / 1000} s`))
      return false;
    // Restore at once: the cluster should not run on one master any longer than the measurement needs.
    await restore(run);
    restored = true;

    const jobRun = await job.result;
    act(DRILL_ACTIONS.jobEnded, `exit ${jobRun.exitCode}`);
    const result = checkResult(jobRun.stdout, { kind: 'pi' });
    check(
      DRILL_CHECKS.jobFinished,
      jobRun.exitCode === 0 && result.ok,
      jobRun.exitCode === 0 ? result.reason : `spark-submit exited with ${jobRun.exitCode}: ${jobRun.stderr.trim().split('\n').at(-1) ?? ''}`,
    );
    return true;
  } finally {
    // Each step runs whatever the one before did: the faulted is restored and the poller stopped in every
    // case, a cancel of the run included (cleanup waits for the restore even then).
    await cancellation.cleanUp(async () => {
      try {
        job.kill();
        await job.result.catch(() => undefined);
        await rm(job.directory, { recursive: true, force: true });
        if (faultIssued && !restored) await restore(run);
      } finally {
        await poller.stop();
      }
    });
  }
}

function record(journal: DrillJournal, log: Log) {
  return {
    act: (action: DrillAction, detail = '') => void journal.entries.push({ at: Date.now(), kind: 'action', action, detail }),
    check: (name: DrillCheck, ok: boolean, detail: string): boolean => {
      journal.entries.push({ at: Date.now(), kind: 'check', check: name, ok, detail });
      log.info(`${ok ? 'ok' : 'FAILED'}: ${name}: ${detail}`);
      return ok;
    },
  };
}

/**
 * The pager, read at Alertmanager all along: a hard fault must have fired no-ALIVE-master and resolved it
 * after the takeover (waited for, bounded); a planned handover must have fired nothing. Every change of
 * that alert goes into the journal with its time.
 */
async function checkPager(journal: DrillJournal, alerts: AlertWatcher, log: Log): Promise<void> {
  const { check } = record(journal, log);
  const faultAt = actionAt(journal, DRILL_ACTIONS.fault)!;
  const tookOverAt = checks(journal).find((entry) => entry.check === DRILL_CHECKS.tookOver)?.at ?? faultAt;
  const pages = faultPages(journal.experiment.fault);
  if (!alerts.answered) {
    check(pages === false ? DRILL_CHECKS.pagedNobody : DRILL_CHECKS.paged, false, 'Alertmanager never answered at alertmanagerUrl');
    return;
  }
  if (pages) await waitUntil(async () => alerts.firstChange(NO_ALIVE_MASTER_ALERT, 'resolved', faultAt), Boolean, { timeoutMs: PAGE_RESOLVE_TIMEOUT_MS, intervalMs: 250 });
  for (const change of alerts.changes.filter((entry) => entry.alert === NO_ALIVE_MASTER_ALERT)) journal.entries.push({ kind: 'alert', ...change });
  const fired = alerts.firstChange(NO_ALIVE_MASTER_ALERT, 'firing', faultAt);
  const resolved = fired && alerts.firstChange(NO_ALIVE_MASTER_ALERT, 'resolved', fired.at);
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  if (pages === false) {
    check(
      DRILL_CHECKS.pagedNobody,
      !fired,
      fired ? `${NO_ALIVE_MASTER_ALERT} fired ${seconds(faultAt, fired.at)} s after the handover began` : `${NO_ALIVE_MASTER_ALERT} never fired`,
    );
  } else if (pages) {
    check(
      DRILL_CHECKS.paged,
      fired !== undefined,
      fired ? `${NO_ALIVE_MASTER_ALERT} firing ${seconds(faultAt, fired.at)} s after the fault` : `${NO_ALIVE_MASTER_ALERT} never fired at Alertmanager`,
    );
    if (fired) {
      check(
        DRILL_CHECKS.pageResolved,
        resolved !== undefined,
        resolved ? `resolved ${seconds(tookOverAt, resolved.at)} s after the takeover` : `still firing ${PAGE_RESOLVE_TIMEOUT_MS / 1000} s after the takeover`,
      );
    }
  }
}

/** Applies the fault; returns what the handover did, for the journal. */
async function applyFault({ options, faulted, cluster, zk, log }: DrillRun): Promise<string | void> {
  switch (options.fault) {
    case 'kill':
      return cluster.operations.kill(faulted);
    case 'crash':
      return cluster.operations.crash(faulted);
    case 'stop':
      return (
        await handOverLeadership({
          master: faulted,
          successors: cluster.masters.filter((master) => master.name !== faulted.name),
          operations: cluster.operations,
          zk,
          zookeepers: cluster.zookeepers,
          sparkZooKeeperDir: cluster.sparkZooKeeperDir,
          log,
        })
      ).note;
    case 'restart':
      return cluster.operations.restart(faulted);
    case 'vm-restart':
      return requireVmFaults(cluster, options.fault).restart(faulted);
    case 'vm-deallocate':
      return requireVmFaults(cluster, options.fault).deallocate(faulted);
    case 'destroy':
      return requireRecreation(cluster).destroy(faulted);
  }
}

/**
 * Brings the faulted back, whatever happened, and waits for it to rejoin as STANDBY: a destroyed master is
 * re-created by the cluster's reconcile, any other is started (its VM first after vm-deallocate).
 */
async function restore({ faulted, options, cluster, masterSet, journal, log }: DrillRun): Promise<void> {
  const { act, check } = record(journal, log);
  act(DRILL_ACTIONS.restoreBegan, faulted.name);
  try {
    if (options.fault === 'destroy') {
      log.info(`Re-creating ${faulted.name} (reconcile)`);
      act(DRILL_ACTIONS.faultedMasterRestored, await requireRecreation(cluster).recreate(faulted));
    } else {
      if (options.fault === 'vm-deallocate') await requireVmFaults(cluster, options.fault).start(faulted);
      await cluster.operations.start(faulted);
      act(DRILL_ACTIONS.faultedMasterRestored, faulted.name);
    }
  } catch (error) {
    const verb = options.fault === 'destroy' ? 're-create' : 'start';
    check(DRILL_CHECKS.restoredStandby, false, `could not ${verb} ${faulted.name}: ${(error as Error).message}`);
    return;
  }
  const address = formatHostPort(masterAddress(faulted));
  const rejoined = await waitUntil(
    () => masterSet.probe(),
    (states) => states.some((s) => s.address === address && s.reachable && s.status === 'STANDBY'),
    { timeoutMs: RESTORE_TIMEOUT_MS, intervalMs: 250 },
  );
  check(
    DRILL_CHECKS.restoredStandby,
    rejoined.satisfied,
    rejoined.satisfied ? `${faulted.name} rejoined as STANDBY` : `${faulted.name} not STANDBY within ${RESTORE_TIMEOUT_MS / 1000} s`,
  );
}

function requireVmFaults(cluster: DrillCluster, fault: Fault): VmFaults {
  if (!cluster.vmFaults) throw missingAccess(fault, 'whole-VM faults (az vm)');
  return cluster.vmFaults;
}

function requireRecreation(cluster: DrillCluster): NodeRecreation {
  if (!cluster.recreation) throw missingAccess('destroy', 'a way to re-create a master (local reconcile, or Terraform on Azure)');
  return cluster.recreation;
}

/** The settings refuse a fault its node access cannot apply (FAULT_ACCESS); a drill cluster resolved otherwise lands here. */
function missingAccess(fault: Fault, what: string): ActionableError {
  return new ActionableError(
    `Fault '${fault}'`,
    `nodeAccess ${FAULT_ACCESS[fault].access.join(' or ')}, with ${what}`,
    `a drill cluster without ${what}`,
    'Set nodeAccess as the fault needs.',
  );
}

/**
 * Starts the drill's own long-running job: Python, client mode, none of the smoke test's options (a jar
 * smoke test in cluster mode must not turn it into a cluster-mode submission with a stray main class).
 */
async function startDrillJob({ submitTo, runtime, options, tempDir }: DrillRun) {
  const directory = await mkdtemp(path.join(tempDir, 'spark-azure-drill-'));
  const application = path.join(directory, DRILL_JOB_FILE);
  await writeFile(application, DRILL_JOB_SOURCE);
  const firstRoundMarker = path.join(directory, 'first-round-done');
  return { ...startSparkJob(submitTo, drillJob(application, options.jobSeconds, firstRoundMarker), runtime), directory, firstRoundMarker };
}

export function drillJob(application: string, seconds: number, firstRoundMarker?: string): SparkJob {
  return {
    name: 'spark-azure failover drill job',
    application,
    arguments: [String(seconds), ...(firstRoundMarker ? [firstRoundMarker] : [])],
    deployMode: 'client',
    // Its own UI on a free port: the job reads its failed tasks from its REST API at the end.
    sparkConf: { 'spark.ui.enabled': 'true', 'spark.ui.port': '0' },
    check: { kind: 'pi' },
    timeoutSeconds: seconds + 300,
  };
}
