import path from 'node:path';
import { MasterSet, describeMasters } from '../core/cluster/master-set.js';
import { ClusterStateError } from '../core/errors.js';
import { masterUrl } from '../core/inputs/master-list.js';
import type { Log } from '../core/log.js';
import { type SparkMasterState, aliveOf } from '../core/spark/spark-master-probe.js';
import { type SparkSubmission, driverConf } from '../core/spark/spark-submit.js';
import { isLoopback } from '../core/inputs/host-port.js';
import { applicationIdOf, checkResult, driverIdOf } from '../core/spark/submission-output.js';
import { waitUntil } from '../core/wait.js';
import { type RunningSubmission, runSparkSubmit, startSparkSubmit } from '../tools/run-spark-submit.js';
import type { SparkRuntime } from '../tools/spark-runtime.js';
import type { SparkJob, SubmissionMasters } from '../core/spark/spark-job.js';

export interface SparkJobReport {
  readonly passed: boolean;
  readonly reason: string;
  readonly aliveMaster: string;
  readonly applicationId?: string;
  readonly result?: string;
  readonly durationSeconds: number;
  readonly exitCode: number | null;
  /** The end of spark-submit's stderr, then of the driver's stdout: for the log when something went wrong. */
  readonly outputTail: string;
}

const COMPLETION_CONFIRM_TIMEOUT_MS = 20_000;

/**
 * Submits one job to the full master list and checks it end to end: an ALIVE master before submitting,
 * a bounded run, the exit status, the result, and the ALIVE master's record of a finished application.
 */
export async function runSparkJob(submitTo: SubmissionMasters, job: SparkJob, runtime: SparkRuntime, log: Log): Promise<SparkJobReport> {
  const masters = new MasterSet(submitTo.masters, submitTo.masterWebUiPort);
  const { alive, last } = await masters.waitForAlive(submitTo.aliveMasterTimeoutSeconds * 1000);
  if (!alive) {
    throw new ClusterStateError(
      'Spark masters',
      `exactly one ALIVE master within ${submitTo.aliveMasterTimeoutSeconds} s`,
      describeMasters(last),
      'Nothing was submitted. Check the masters and ZooKeeper (`spark-azure local status` locally; docs/runbook.md on Azure).',
    );
  }
  log.info(`ALIVE master: ${alive.address}`);
  const submission = buildSubmission(submitTo, job, runtime);
  log.info(`spark-submit ${path.basename(submission.application)} to ${submission.masterUrl} (${submission.deployMode} mode)`);
  const run = await runSparkSubmit(runtime, submission, { timeoutMs: job.timeoutSeconds * 1000, localIp: loopbackDriverHost(submission) });
  const output = `${run.stdout}\n${run.stderr}`;
  const base = {
    aliveMaster: alive.address,
    applicationId: applicationIdOf(output) ?? driverIdOf(output),
    durationSeconds: round(run.durationMs / 1000),
    exitCode: run.exitCode,
    outputTail: [...run.stderr.trim().split('\n').slice(-15), ...run.stdout.trim().split('\n').slice(-5)].filter(Boolean).join('\n'),
  };
  if (run.timedOut) return { ...base, passed: false, reason: `spark-submit did not finish within ${job.timeoutSeconds} s and was killed` };
  if (run.exitCode !== 0) return { ...base, passed: false, reason: `spark-submit exited with status ${run.exitCode}${refusalHint(output, submitTo)}` };
  const verdict = checkResult(run.stdout, job.check);
  if (!verdict.ok) return { ...base, result: verdict.result, passed: false, reason: verdict.reason };
  if (!base.applicationId) return { ...base, result: verdict.result, passed: false, reason: 'spark-submit printed no application or driver id' };
  const confirmed = await confirmFinished(masters, base.applicationId);
  return {
    ...base,
    result: verdict.result,
    passed: confirmed.ok,
    aliveMaster: confirmed.master ?? base.aliveMaster,
    reason: confirmed.ok ? `${verdict.reason}; ${confirmed.reason}` : confirmed.reason,
  };
}

/** Starts a job without waiting for it (the drill keeps one running across its fault); bounded all the same. */
export function startSparkJob(submitTo: SubmissionMasters, job: SparkJob, runtime: SparkRuntime): RunningSubmission {
  const submission = buildSubmission(submitTo, job, runtime);
  return startSparkSubmit(runtime, submission, { timeoutMs: job.timeoutSeconds * 1000, localIp: loopbackDriverHost(submission) });
}

export function buildSubmission(submitTo: SubmissionMasters, job: SparkJob, runtime: SparkRuntime): SparkSubmission {
  const application = job.application ?? path.join(runtime.sparkHome, 'examples', 'src', 'main', 'python', 'pi.py');
  return {
    masterUrl: masterUrl(submitTo.masters),
    application,
    mainClass: job.mainClass,
    arguments: job.application === undefined && job.arguments.length === 0 ? ['10'] : job.arguments,
    deployMode: job.deployMode,
    name: job.name,
    clusterSecret: submitTo.clusterSecret,
    conf: {
      // A test job must fit on the smallest worker and must not fight over the driver UI port.
      'spark.executor.memory': '512m',
      'spark.ui.enabled': 'false',
      // A worker that leaves (a roll, scale-in) decommissions: executors then finish their tasks before going.
      'spark.decommission.enabled': 'true',
      'spark.pyspark.python': runtime.python,
      ...(job.deployMode === 'cluster'
        ? { 'spark.standalone.submit.waitAppCompletion': 'true' }
        : driverConf(
            submitTo.masters.map((m) => m.host),
            submitTo.driverHost,
          )),
      ...job.sparkConf,
    },
  };
}

/**
 * Why no master took the driver, when its output says they refused it at the handshake: a closed cluster
 * and a driver without its secret, or with another.
 */
function refusalHint(output: string, submitTo: SubmissionMasters): string {
  // Without a secret the master answers "Unknown challenge message."; with another, the handshake fails.
  if (!/Failed to connect to master/.test(output) || !/Unknown challenge message|Exception while bootstrapping client/.test(output)) return '';
  return submitTo.clusterSecret === undefined
    ? ': every master refused the driver. A closed cluster needs its secret: pass clusterSecret (docs/security.md)'
    : ': every master refused the driver. Check that clusterSecret is the cluster’s current secret (docs/security.md)';
}

/** A client-mode driver on a loopback cluster binds its host address, so that nothing listens beyond loopback. */
function loopbackDriverHost(submission: SparkSubmission): string | undefined {
  const host = submission.conf['spark.driver.host'];
  return host && isLoopback(host) ? host : undefined;
}

/** The ALIVE master lists the application (or driver) among the completed ones, FINISHED. */
async function confirmFinished(masters: MasterSet, id: string): Promise<{ ok: boolean; reason: string; master?: string }> {
  const finished = (states: readonly SparkMasterState[]) =>
    aliveOf(states).find((master) => [...master.completedApps, ...master.completedDrivers].some((entry) => entry.id === id && entry.state === 'FINISHED'));
  const result = await waitUntil(
    () => masters.probe(),
    (states) => finished(states) !== undefined,
    { timeoutMs: COMPLETION_CONFIRM_TIMEOUT_MS, intervalMs: 500 },
  );
  const master = finished(result.last);
  return master
    ? { ok: true, reason: `${master.address} lists ${id} as FINISHED`, master: master.address }
    : { ok: false, reason: `no ALIVE master lists ${id} as FINISHED within ${COMPLETION_CONFIRM_TIMEOUT_MS / 1000} s (${describeMasters(result.last)})` };
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
