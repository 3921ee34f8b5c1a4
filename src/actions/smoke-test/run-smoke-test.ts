import path from 'node:path';
import { MasterSet, describeMasters } from '../../core/cluster/master-set.js';
import { ClusterStateError } from '../../core/errors.js';
import { masterUrl } from '../../core/inputs/master-list.js';
import type { Log } from '../../core/log.js';
import type { SparkMasterState } from '../../core/probes/spark-master-probe.js';
import { type SparkSubmission, driverConf, isLoopback } from '../../core/spark/spark-submit.js';
import { applicationIdOf, checkResult, driverIdOf } from '../../core/spark/submission-output.js';
import { waitUntil } from '../../core/wait.js';
import { runSparkSubmit } from '../../tools/run-spark-submit.js';
import type { SparkRuntime } from '../../tools/spark-runtime.js';
import type { SmokeTestSettings } from './settings.js';

export interface SmokeTestReport {
  readonly passed: boolean;
  readonly reason: string;
  readonly aliveMaster: string;
  readonly applicationId?: string;
  readonly result?: string;
  readonly durationSeconds: number;
  readonly exitCode: number | null;
  /** The end of spark-submit's stderr, for the log when something went wrong. */
  readonly outputTail: string;
}

const COMPLETION_CONFIRM_TIMEOUT_MS = 20_000;

/**
 * Submits one job to the full master list and checks it end to end: an ALIVE master before submitting,
 * a bounded run, the exit status, the result, and the ALIVE master's record of a finished application.
 */
export async function runSmokeTest(settings: SmokeTestSettings, runtime: SparkRuntime, log: Log): Promise<SmokeTestReport> {
  const masters = new MasterSet(settings.masters, settings.masterWebUiPort);
  const { alive, last } = await masters.waitForAlive(settings.aliveMasterTimeoutSeconds * 1000);
  if (!alive) {
    throw new ClusterStateError(
      'Spark masters',
      `exactly one ALIVE master within ${settings.aliveMasterTimeoutSeconds} s`,
      describeMasters(last),
      'Nothing was submitted. Check the masters and ZooKeeper (`spark-azure local status` locally; docs/runbook.md on Azure).',
    );
  }
  log.info(`ALIVE master: ${alive.address}`);
  const submission = buildSubmission(settings, runtime);
  const localIp = submission.conf['spark.driver.host'] && isLoopback(submission.conf['spark.driver.host']) ? submission.conf['spark.driver.host'] : undefined;
  log.info(`spark-submit ${path.basename(submission.application)} to ${submission.masterUrl} (${submission.deployMode} mode)`);
  const run = await runSparkSubmit(runtime, submission, { timeoutMs: settings.timeoutSeconds * 1000, localIp });
  const output = `${run.stdout}\n${run.stderr}`;
  const base = {
    aliveMaster: alive.address,
    applicationId: applicationIdOf(output) ?? driverIdOf(output),
    durationSeconds: round(run.durationMs / 1000),
    exitCode: run.exitCode,
    outputTail: run.stderr.trim().split('\n').slice(-15).join('\n'),
  };
  if (run.timedOut) return { ...base, passed: false, reason: `spark-submit did not finish within ${settings.timeoutSeconds} s and was killed` };
  if (run.exitCode !== 0) return { ...base, passed: false, reason: `spark-submit exited with status ${run.exitCode}` };
  const verdict = checkResult(run.stdout, settings.check);
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

export function buildSubmission(settings: SmokeTestSettings, runtime: SparkRuntime): SparkSubmission {
  const application = settings.application ?? path.join(runtime.sparkHome, 'examples', 'src', 'main', 'python', 'pi.py');
  return {
    masterUrl: masterUrl(settings.masters),
    application,
    mainClass: settings.mainClass,
    arguments: settings.application === undefined && settings.arguments.length === 0 ? ['10'] : settings.arguments,
    deployMode: settings.deployMode,
    name: 'spark-azure smoke test',
    conf: {
      // A smoke test must fit on the smallest worker and must not fight over the driver UI port.
      'spark.executor.memory': '512m',
      'spark.ui.enabled': 'false',
      'spark.pyspark.python': runtime.python,
      ...(settings.deployMode === 'cluster' ? { 'spark.standalone.submit.waitAppCompletion': 'true' } : driverConf(settings.masters.map((m) => m.host), settings.driverHost)),
      ...settings.sparkConf,
    },
  };
}

/** The ALIVE master lists the application (or driver) among the completed ones, FINISHED. */
async function confirmFinished(masters: MasterSet, id: string): Promise<{ ok: boolean; reason: string; master?: string }> {
  const finished = (state: SparkMasterState) =>
    state.reachable &&
    state.status === 'ALIVE' &&
    [...state.completedApps, ...state.completedDrivers].some((entry) => entry.id === id && entry.state === 'FINISHED');
  const result = await waitUntil(() => masters.probe(), (states) => states.some(finished), { timeoutMs: COMPLETION_CONFIRM_TIMEOUT_MS, intervalMs: 500 });
  const master = result.last.find(finished);
  return master
    ? { ok: true, reason: `${master.address} lists ${id} as FINISHED`, master: master.address }
    : { ok: false, reason: `no ALIVE master lists ${id} as FINISHED within ${COMPLETION_CONFIRM_TIMEOUT_MS / 1000} s (${describeMasters(result.last)})` };
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
