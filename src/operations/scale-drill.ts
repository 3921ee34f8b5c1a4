import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { probeCluster } from '../core/cluster/cluster-probe.js';
import { type ClusterState, aliveWorkerHosts, workersAtAliveMaster } from '../core/cluster/cluster-state.js';
import { cancellation } from '../core/cancellation.js';
import { httpGetJson } from '../core/http-get-json.js';
import type { DrillCluster, WorkerScaling } from '../core/drill/drill-cluster.js';
import { SCALE_ACTIONS, SCALE_CHECKS, type ScaleAction, type ScaleCheck, type ScaleJournal, type ScaleVerdict, scaleVerdictOf } from '../core/drill/scale-journal.js';
import { zookeeperConnectString } from '../core/inputs/zookeeper-connect.js';
import type { Log } from '../core/log.js';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../core/spark/drill-job.js';
import type { SubmissionMasters } from '../core/spark/spark-job.js';
import { checkResult, failedTasksOf } from '../core/spark/submission-output.js';
import { waitUntil } from '../core/wait.js';
import { ZooKeeperSession } from '../core/zookeeper/zookeeper-session.js';
import type { SparkRuntime } from '../tools/spark-runtime.js';
import { checkSteadyState, drillJob, masterSetOf } from './failover-drill.js';
import { MaintenanceLock } from './maintenance-lock.js';
import { startSparkJob } from './spark-job.js';

export interface ScaleDrillContext {
  readonly cluster: DrillCluster;
  readonly scaling: WorkerScaling;
  /** Workers added on the way out, and removed again on the way in. */
  readonly outBy: number;
  readonly expectedWorkers?: number;
  readonly jobSeconds: number;
  readonly lockWaitSeconds: number;
  readonly submitTo: SubmissionMasters;
  readonly runtime: SparkRuntime;
  readonly tempDir: string;
  readonly log: Log;
}

export interface ScaleDrillReport {
  readonly journal: ScaleJournal;
  readonly verdict: ScaleVerdict;
}

const JOB_START_TIMEOUT_MS = 90_000;

/**
 * The scale drill: steady state (else refuse, touching nothing), then, holding the maintenance lock, a job
 * running while the workers scale out by `outBy` (the new ones must be ALIVE and take executors) and back
 * in (the leaving ones decommission); the job must finish with no failed task, read from its own REST API.
 * The worker count is restored whatever happens.
 */
export function runScaleDrill(context: ScaleDrillContext): Promise<ScaleDrillReport> {
  const limitMs = (context.lockWaitSeconds + JOB_START_TIMEOUT_MS / 1000 + 2 * context.scaling.timeLimitSeconds + context.jobSeconds + 300) * 1000;
  return cancellation.within(limitMs, 'the scale drill', () => scaleDrill(context));
}

/** The running job's executors, from its own REST API: host and tasks run; none while it does not answer. */
async function executorsOfTheJob(uiUrl: string): Promise<{ host: string; totalTasks: number }[]> {
  if (!uiUrl) return [];
  try {
    const [application] = (await httpGetJson(`${uiUrl}/api/v1/applications`, 2000)) as { id: string }[];
    const executors = (await httpGetJson(`${uiUrl}/api/v1/applications/${application!.id}/executors`, 2000)) as { hostPort: string; totalTasks: number }[];
    return executors.map((executor) => ({ host: executor.hostPort.split(':')[0]!, totalTasks: executor.totalTasks }));
  } catch {
    return [];
  }
}

async function scaleDrill(context: ScaleDrillContext): Promise<ScaleDrillReport> {
  const { cluster, scaling, log } = context;
  const { expectedWorkers } = await checkSteadyState(cluster, context.expectedWorkers);
  const journal: ScaleJournal = {
    experiment: { fault: 'scale', workersBefore: expectedWorkers, workersDuring: expectedWorkers + context.outBy },
    startedAt: Date.now(),
    entries: [],
  };
  const act = (action: ScaleAction, detail = '') => void journal.entries.push({ at: Date.now(), kind: 'action', action, detail });
  const check = (name: ScaleCheck, ok: boolean, detail: string): boolean => {
    journal.entries.push({ at: Date.now(), kind: 'check', check: name, ok, detail });
    log.info(`${ok ? 'ok' : 'FAILED'}: ${name}: ${detail}`);
    return ok;
  };
  const probe = () => probeCluster({ zookeepers: [], masters: masterSetOf(cluster).endpoints }, 2000);
  const waitFor = (condition: (state: ClusterState) => boolean) => waitUntil(probe, condition, { timeoutMs: scaling.timeLimitSeconds * 1000, intervalMs: 250 });

  const zk = await ZooKeeperSession.open(zookeeperConnectString(cluster.zookeepers), { clusterSecret: context.submitTo.clusterSecret });
  let failedTasks: number | undefined;
  try {
    const lock = await MaintenanceLock.acquire(zk, 'scale drill', { waitMs: context.lockWaitSeconds * 1000 });
    const directory = await mkdtemp(path.join(context.tempDir, 'spark-azure-scale-drill-'));
    const application = path.join(directory, DRILL_JOB_FILE);
    await writeFile(application, DRILL_JOB_SOURCE);
    const [firstRound, end] = [path.join(directory, 'first-round-done'), path.join(directory, 'end')];
    const job = startSparkJob(
      context.submitTo,
      { ...drillJob(application, context.jobSeconds, firstRound), arguments: [String(context.jobSeconds), firstRound, end] },
      context.runtime,
    );
    act(SCALE_ACTIONS.jobSubmitted, `a job of at least ${context.jobSeconds} s, until the drill ends it`);
    let scaledOut = false;
    try {
      const running = await waitUntil(probe, () => existsSync(firstRound), { timeoutMs: JOB_START_TIMEOUT_MS, intervalMs: 250 });
      if (!check(SCALE_CHECKS.jobRunning, running.satisfied, running.satisfied ? 'its first round ran on the executors' : `no round within ${JOB_START_TIMEOUT_MS / 1000} s`))
        return report();
      const before = new Set(aliveWorkerHosts(running.last));
      const during = expectedWorkers + context.outBy;
      act(SCALE_ACTIONS.scaleOut, `${expectedWorkers} → ${during} workers`);
      scaledOut = true;
      log.info(`Scaling the workers out to ${during}: ${await scaling.scaleTo(during)}`);
      const newOnes = (state: ClusterState) => workersAtAliveMaster(state).filter((worker) => worker.state === 'ALIVE' && !before.has(worker.host));
      const alive = await waitFor((state) => newOnes(state).length >= context.outBy);
      if (
        !check(
          SCALE_CHECKS.newWorkersAlive,
          alive.satisfied,
          `${newOnes(alive.last).length} of ${context.outBy} new workers ALIVE (${
            newOnes(alive.last)
              .map((worker) => worker.host)
              .join(', ') || 'none'
          })`,
        )
      )
        return report();
      // Executors the job itself has on the new workers and ran tasks on (its REST API): an executor the master
      // has only assigned may not have registered with the driver yet, and would miss its decommission.
      const ui = await readFile(firstRound, 'utf8');
      const newHosts = () =>
        newOnes(alive.last)
          .map((worker) => worker.host)
          .sort();
      const busy = await waitUntil(
        () => executorsOfTheJob(ui),
        (executors) => newHosts().every((host) => executors.some((executor) => executor.host === host && executor.totalTasks > 0)),
        { timeoutMs: scaling.timeLimitSeconds * 1000, intervalMs: 500 },
      );
      const busyDetail = newHosts()
        .map((host) => `${host} ${busy.last.filter((executor) => executor.host === host).reduce((sum, executor) => sum + executor.totalTasks, 0)} tasks`)
        .join(', ');
      if (!check(SCALE_CHECKS.newWorkersTakeExecutors, busy.satisfied, busy.satisfied ? `the job's executors ran ${busyDetail}` : `not on every new worker (${busyDetail})`))
        return report();
      act(SCALE_ACTIONS.scaledOut, busyDetail);

      act(SCALE_ACTIONS.scaleIn, `${during} → ${expectedWorkers} workers`);
      log.info(`Scaling the workers back in to ${expectedWorkers}: ${await scaling.scaleTo(expectedWorkers)}`);
      scaledOut = false;
      const back = await waitFor((state) => aliveWorkerHosts(state).length === expectedWorkers);
      check(SCALE_CHECKS.scaledIn, back.satisfied, `${aliveWorkerHosts(back.last).length} workers ALIVE at the ALIVE master`);
      act(SCALE_ACTIONS.scaledIn, aliveWorkerHosts(back.last).join(', '));

      await writeFile(end, '');
      const run = await job.result;
      act(SCALE_ACTIONS.jobEnded, `exit ${run.exitCode}`);
      const result = checkResult(run.stdout, { kind: 'pi' });
      check(
        SCALE_CHECKS.jobFinished,
        run.exitCode === 0 && result.ok,
        run.exitCode === 0 ? result.reason : `spark-submit exited with ${run.exitCode}: ${run.stderr.trim().split('\n').at(-1) ?? ''}`,
      );
      failedTasks = failedTasksOf(run.stdout);
      check(
        SCALE_CHECKS.noTaskFailed,
        failedTasks === 0,
        failedTasks === undefined ? 'the job printed no count of its failed tasks' : `${failedTasks} failed tasks, from the application's REST API`,
      );
      return report();
    } finally {
      await cancellation.cleanUp(async () => {
        job.kill();
        await job.result.catch(() => undefined);
        await rm(directory, { recursive: true, force: true });
        // The cluster goes back to its count whatever happened.
        if (scaledOut) await scaling.scaleTo(expectedWorkers).catch((error: Error) => log.warning(`Could not scale the workers back to ${expectedWorkers}: ${error.message}`));
        await lock.release().catch(() => undefined);
      });
    }
  } finally {
    zk.close();
  }

  function report(): ScaleDrillReport {
    return { journal, verdict: scaleVerdictOf(journal, failedTasks) };
  }
}
