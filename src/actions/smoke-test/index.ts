import { ClusterStateError } from '../../core/errors.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../doors/pipeline.js';
import { toolsDir } from '../../local/paths.js';
import { runSmokeTest } from './run-smoke-test.js';
import { readSmokeTestSettings } from './settings.js';
import { smokeTestSummary } from './summary.js';

/** The smoke-test action behind every door: inputs in, outputs and a summary out. */
export async function smokeTest(pipeline: Pipeline): Promise<void> {
  const settings = readSmokeTestSettings(new InputReader(pipeline.inputs));
  const report = await pipeline.group('Smoke test', () => runSmokeTest(settings, { toolsDir: toolsDir(), log: pipeline.log }));
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
}
