import { ClusterStateError } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { SparkJob } from '../../core/spark/spark-job.js';
import { runSparkJob } from '../../operations/spark-job.js';
import { type SparkRuntime, resolveSparkRuntime } from '../../tools/spark-runtime.js';
import type { SmokeTestSettings } from './smoke-test-settings.js';
import { smokeTestSummary } from './smoke-test-summary.js';

/**
 * The smoke test's job through the full master list, its outputs and summary; throws when it failed.
 * Returns the Spark it submitted with, for whatever runs next (the failover drill).
 */
export async function runSmokeTest(settings: SmokeTestSettings, job: SparkJob, pipeline: Pipeline): Promise<SparkRuntime> {
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
  return runtime;
}
