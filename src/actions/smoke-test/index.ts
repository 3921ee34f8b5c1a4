import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { refuseDrillInputsWithoutFailover } from '../shared/drill-settings.js';
import { withClusterSecret } from '../shared/cluster-secret.js';
import { readConfigurationStore } from '../shared/configuration-store.js';
import { runSmokeTest } from '../shared/smoke-test-run.js';
import { applicationIn, readSmokeTestSettings, smokeTestJob } from '../shared/smoke-test-settings.js';
import { aksSmokeTest } from './aks.js';
import { hdinsightSmokeTest } from './hdinsight.js';

/**
 * The smoke-test action behind every door: a job through the full master list of the standalone cluster,
 * or through HDInsight's Livy, or as a SparkApplication on AKS. With `failover: true` the doors run the
 * failover-drill action instead (entries/action-registry.ts).
 */
export async function smokeTestAction(pipeline: Pipeline): Promise<void> {
  const inputs = new InputReader(pipeline.inputs);
  const target = inputs.oneOf('target', ['standalone', 'hdinsight', 'aks'] as const, 'standalone');
  if (target === 'hdinsight') return hdinsightSmokeTest(pipeline, inputs);
  if (target === 'aks') return aksSmokeTest(pipeline, inputs);
  const settings = readSmokeTestSettings(inputs);
  const store = readConfigurationStore(inputs);
  const job = smokeTestJob(settings, applicationIn(pipeline, settings.application));
  refuseDrillInputsWithoutFailover(inputs);
  await runSmokeTest(await withClusterSecret(settings, store, pipeline), job, pipeline);
}
