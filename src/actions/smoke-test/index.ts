import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ClusterStateError, InputError, describeValue } from '../../core/errors.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { checkSteadyState, runFailoverDrill } from '../../operations/failover-drill.js';
import { runSparkJob } from '../../operations/spark-job.js';
import { resolveSparkRuntime } from '../../tools/spark-runtime.js';
import { userPath } from '../shared/user-paths.js';
import { aksSmokeTest } from './aks.js';
import { hdinsightSmokeTest } from './hdinsight.js';
import { readDrillSettings, refuseDrillInputsWithoutFailover } from './drill-settings.js';
import { drillSummary } from './drill-summary.js';
import { resolveDrillCluster } from './drill-cluster.js';
import { readSmokeTestSettings, smokeTestJob } from './settings.js';
import { smokeTestSummary } from './summary.js';

/** The user's application, in their workspace, checked before anything is submitted. */
function applicationIn(pipeline: Pipeline, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const application = userPath(pipeline, given);
  if (!existsSync(application)) {
    throw new InputError(
      'application',
      'a .py or .jar file in the workspace',
      describeValue(given),
      `No file at ${application}: give its path relative to the workspace, or absolute.`,
    );
  }
  return application;
}

/**
 * The smoke-test action behind every door: a job through the full master list and, with `failover`, the
 * failover drill. `forceFailover` is the command line's `failover-drill`.
 */
export function smokeTestAction(options: { forceFailover?: boolean } = {}) {
  return async (pipeline: Pipeline): Promise<void> => {
    const inputs = new InputReader(pipeline.inputs);
    const target = options.forceFailover ? 'standalone' : inputs.oneOf('target', ['standalone', 'hdinsight', 'aks'] as const, 'standalone');
    if (target !== 'standalone' && inputs.boolean('failover', false)) {
      throw new InputError('failover', "'false' with target " + target, "'true'", 'The failover drill runs on the standalone cluster only (its masters are ours to stop).');
    }
    if (target === 'hdinsight') return hdinsightSmokeTest(pipeline, inputs);
    if (target === 'aks') return aksSmokeTest(pipeline, inputs);
    const settings = readSmokeTestSettings(inputs);
    const job = smokeTestJob(settings, applicationIn(pipeline, settings.application));
    const failover = options.forceFailover || inputs.boolean('failover', false);
    if (!failover) refuseDrillInputsWithoutFailover(inputs);
    const drill = failover ? readDrillSettings(inputs, settings.masters) : undefined;
    const cluster = drill && (await resolveDrillCluster(settings, drill, pipeline));
    // Refuse before submitting anything when the drill's steady state does not hold.
    if (cluster) await checkSteadyState(cluster, drill.expectedWorkers);
    const runtime = await resolveSparkRuntime({ sparkHome: settings.sparkHome, input: 'sparkHome', toolCache: pipeline.directories.toolCache }, pipeline.log);

    const report = await pipeline.group('Smoke test', () => runSparkJob(settings, job, runtime, pipeline.log));
    pipeline.setOutput('result', report.result ?? '');
    pipeline.setOutput('durationSeconds', String(report.durationSeconds));
    pipeline.setOutput('applicationId', report.applicationId ?? '');
    pipeline.setOutput('aliveMaster', report.aliveMaster);
    await pipeline.appendSummary(smokeTestSummary(report));
    if (!report.passed) {
      pipeline.log.info(`spark-submit output (end):\n${report.outputTail}`);
      throw new ClusterStateError('Smoke test', 'a successful job with a correct result', report.reason, 'See the spark-submit output above and docs/runbook.md.');
    }
    pipeline.log.info(`Smoke test passed: ${report.reason}`);
    if (!drill || !cluster) return;

    const { journal, verdict } = await pipeline.group(`Failover drill (${drill.fault})`, () =>
      runFailoverDrill({
        cluster,
        options: drill,
        masters: settings,
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
      `Failover drill passed: recovery ${verdict.figures.recoverySeconds} s, ${verdict.figures.aliveGapSeconds} s without an ALIVE master; the target STANDBY again ${verdict.figures.restoreSeconds} s after its ${drill.fault === 'destroy' ? 're-creation' : 'restore'} began.`,
    );
  };
}
