import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ClusterStateError, InputError } from '../../core/errors.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { checkSteadyState, runFailoverDrill } from '../../operations/failover-drill.js';
import { type DrillSettings, readDrillSettings } from '../shared/drill-settings.js';
import { withClusterSecret } from '../shared/cluster-secret.js';
import { readConfigurationStore } from '../shared/configuration-store.js';
import { runSmokeTest } from '../shared/smoke-test-run.js';
import { type SmokeTestSettings, applicationIn, readSmokeTestSettings, smokeTestJob } from '../shared/smoke-test-settings.js';
import type { DrillCluster } from '../../core/drill/drill-cluster.js';
import { runScaleDrill } from '../../operations/scale-drill.js';
import type { SparkRuntime } from '../../tools/spark-runtime.js';
import { scaleSummary } from './scale-summary.js';
import { resolveDrillCluster } from './drill-cluster.js';
import { drillSummary } from './drill-summary.js';

/** Workers the scale drill adds and removes again (2 → 4 → 2 on the default cluster). */
const SCALE_OUT_BY = 2;

/**
 * The failover drill behind every door: the smoke test first, then the ALIVE master goes down while a job
 * runs; the takeover is measured, the master restored, the verdict read from the journal. It is the
 * smoke-test action with `failover: true`, and the command line's `failover-drill`.
 */
export async function failoverDrillAction(pipeline: Pipeline): Promise<void> {
  const inputs = new InputReader(pipeline.inputs);
  const target = inputs.oneOf('target', ['standalone', 'hdinsight', 'aks'] as const, 'standalone');
  if (target !== 'standalone') {
    throw new InputError('failover', `'false' with target ${target}`, "'true'", 'The failover drill runs on the standalone cluster only (its masters are ours to stop).');
  }
  const given = readSmokeTestSettings(inputs);
  const store = readConfigurationStore(inputs);
  const job = smokeTestJob(given, applicationIn(pipeline, given.application));
  const drill = readDrillSettings(inputs, given.masters);
  const cluster = await resolveDrillCluster(given, drill, pipeline);
  const settings = await withClusterSecret(given, store, pipeline);
  // Refuse before submitting anything when the drill's steady state does not hold.
  await checkSteadyState(cluster, drill.expectedWorkers);
  const runtime = await runSmokeTest(settings, job, pipeline);
  if (drill.fault === 'scale') return scaleDrill(cluster, drill, settings, runtime, pipeline);

  const { journal, verdict } = await pipeline.group(`Failover drill (${drill.fault})`, () =>
    runFailoverDrill({
      cluster,
      options: drill,
      submitTo: settings,
      smokeJob: job,
      runtime,
      tempDir: pipeline.directories.temp,
      log: pipeline.log,
      alertmanagerUrl: drill.alertmanagerUrl,
    }),
  );
  const journalFile = path.join(pipeline.directories.temp, `spark-azure-failover-drill-${journal.startedAt}.json`);
  writeFileSync(journalFile, `${JSON.stringify({ ...journal, verdict }, null, 2)}\n`);
  pipeline.setOutput('recoverySeconds', verdict.figures.recoverySeconds === undefined ? '' : String(verdict.figures.recoverySeconds));
  pipeline.setOutput('restoreSeconds', verdict.figures.restoreSeconds === undefined ? '' : String(verdict.figures.restoreSeconds));
  pipeline.setOutput('failoverPassed', String(verdict.passed));
  pipeline.setOutput('drillJournal', journalFile);
  await pipeline.appendSummary(drillSummary(journal, verdict));
  if (!verdict.passed) {
    throw new ClusterStateError(
      'Failover drill',
      'a clean failover',
      verdict.reasons.join('; '),
      `The master was restored. Journal: ${journalFile}. See docs/runbook.md#the-failover-drill-fails.`,
    );
  }
  pipeline.log.info(
    `Failover drill passed: recovery ${verdict.figures.recoverySeconds} s, ${verdict.figures.aliveGapSeconds} s without an ALIVE master; the faulted master STANDBY again ${verdict.figures.restoreSeconds} s after its ${drill.fault === 'destroy' ? 're-creation' : 'restore'} began.`,
  );
}

/** Fault scale: the workers out by two and back in while a job runs; no task may fail. */
async function scaleDrill(cluster: DrillCluster, drill: DrillSettings, settings: SmokeTestSettings, runtime: SparkRuntime, pipeline: Pipeline): Promise<void> {
  if (!cluster.workerScaling)
    throw new InputError('fault', "'scale' with a cluster whose workers can be scaled", 'none', "Set nodeAccess to 'azure' with workerScaleSet, or use the local cluster.");
  const { journal, verdict } = await pipeline.group('Scale drill', () =>
    runScaleDrill({
      cluster,
      scaling: cluster.workerScaling!,
      outBy: SCALE_OUT_BY,
      expectedWorkers: drill.expectedWorkers,
      jobSeconds: drill.jobSeconds,
      lockWaitSeconds: drill.lockWaitSeconds,
      submitTo: settings,
      runtime,
      tempDir: pipeline.directories.temp,
      log: pipeline.log,
    }),
  );
  const journalFile = path.join(pipeline.directories.temp, `spark-azure-scale-drill-${journal.startedAt}.json`);
  writeFileSync(journalFile, `${JSON.stringify({ ...journal, verdict }, null, 2)}\n`);
  const figure = (value: number | undefined) => (value === undefined ? '' : String(value));
  pipeline.setOutput('scaleOutSeconds', figure(verdict.figures.scaleOutSeconds));
  pipeline.setOutput('scaleInSeconds', figure(verdict.figures.scaleInSeconds));
  pipeline.setOutput('failedTasks', figure(verdict.figures.failedTasks));
  pipeline.setOutput('failoverPassed', String(verdict.passed));
  pipeline.setOutput('drillJournal', journalFile);
  await pipeline.appendSummary(scaleSummary(journal, verdict));
  if (!verdict.passed) {
    throw new ClusterStateError(
      'Scale drill',
      'workers that join and leave with no task failed',
      verdict.reasons.join('; '),
      `The worker count was restored. Journal: ${journalFile}. See docs/runbook.md#a-node-does-not-join.`,
    );
  }
  pipeline.log.info(
    `Scale drill passed: ${journal.experiment.workersBefore} → ${journal.experiment.workersDuring} workers with executors in ${verdict.figures.scaleOutSeconds} s, back in ${verdict.figures.scaleInSeconds} s, 0 failed tasks.`,
  );
}
