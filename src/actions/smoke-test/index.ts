import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { InputError } from '../../core/errors.js';
import { DRILL_INPUT_DEFAULTS, refuseDrillInputsWithoutFailover } from '../shared/drill-settings.js';
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
  const target = inputs.oneOf('target', TARGETS, 'standalone');
  refuseOtherTargetsInputs(inputs, target);
  if (target === 'hdinsight') return hdinsightSmokeTest(pipeline, inputs);
  if (target === 'aks') return aksSmokeTest(pipeline, inputs);
  const settings = readSmokeTestSettings(inputs);
  const store = readConfigurationStore(inputs);
  const job = smokeTestJob(settings, applicationIn(pipeline, settings.application));
  refuseDrillInputsWithoutFailover(inputs);
  await runSmokeTest(await withClusterSecret(settings, store, pipeline), job, pipeline);
}

const TARGETS = ['standalone', 'hdinsight', 'aks'] as const;
type Target = (typeof TARGETS)[number];

/** Inputs only some targets read, with their action.yml defaults (a platform passes a default as if given). */
const TARGET_INPUTS: Readonly<Record<string, { readonly targets: readonly Target[]; readonly fallback?: string }>> = {
  ...Object.fromEntries(
    Object.entries({
      masters: undefined,
      clusterSecret: undefined,
      configurationStore: undefined,
      masterWebUiPort: '8080',
      sparkHome: undefined,
      deployMode: 'client',
      expectedOutput: undefined,
      driverHost: undefined,
      aliveMasterTimeoutSeconds: '120',
      failover: 'false',
      ...DRILL_INPUT_DEFAULTS,
    }).map(([input, fallback]) => [input, { targets: ['standalone'], fallback }]),
  ),
  ...Object.fromEntries(['application', 'mainClass', 'arguments', 'sparkConf'].map((input) => [input, { targets: ['standalone', 'hdinsight'] }])),
  hdinsightCluster: { targets: ['hdinsight'] },
  livyUrl: { targets: ['hdinsight'] },
  gatewayUser: { targets: ['hdinsight'], fallback: 'admin' },
  gatewayPassword: { targets: ['hdinsight'] },
  kubeconfig: { targets: ['aks'] },
  namespace: { targets: ['aks'], fallback: 'spark-jobs' },
  sparkImage: { targets: ['aks'], fallback: 'docker.io/library/spark:4.0.0' },
  serviceAccount: { targets: ['aks'], fallback: 'spark-operator-spark' },
  executors: { targets: ['aks'], fallback: '2' },
};

/** An input of another target would be ignored, and whoever gave it would believe it applied: refused. */
function refuseOtherTargetsInputs(inputs: InputReader, target: Target): void {
  for (const [input, { targets, fallback }] of Object.entries(TARGET_INPUTS)) {
    const given = inputs.optional(input);
    if (targets.includes(target) || given === undefined || given === fallback) continue;
    throw new InputError(
      input,
      `it only with target ${targets.join(' or ')}`,
      `it with target ${target}`,
      `Leave ${input} out, or set target to ${targets.join(' or ')}${target === 'aks' && targets.includes('hdinsight') ? ' (AKS runs SparkPi)' : ''}.`,
    );
  }
}
