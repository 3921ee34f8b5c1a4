import { readKubeconfig } from '../../core/inputs/secret-inputs.js';
import { ClusterStateError, InputError, describeValue } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { type SparkApplicationOutcome, sparkApplicationOutcome, sparkPiApplication } from '../../core/spark/spark-application.js';
import { onChange, waitUntil } from '../../core/wait.js';
import { Kubectl } from '../../tools/kubectl.js';
import { CONTAINER_IMAGE, KUBERNETES_LABEL, KUBERNETES_SUBDOMAIN } from '../../core/inputs/name-patterns.js';

/** What the AKS smoke test submits, and where: the job namespace of infra/ansible/aks-spark-operator.yml by default. */
export function readAksSmokeTest(inputs: InputReader) {
  const kubeconfig = readKubeconfig(inputs);
  const image = inputs.optionalName('sparkImage', CONTAINER_IMAGE) ?? 'docker.io/library/spark:4.0.0';
  const sparkVersion = /:(\d+\.\d+\.\d+)/.exec(image)?.[1];
  if (sparkVersion === undefined) {
    throw new InputError('sparkImage', 'a Spark image tagged with its Spark version', describeValue(image), 'e.g. docker.io/library/spark:4.0.0.');
  }
  return {
    kubeconfig,
    application: {
      name: `spark-azure-smoke-${Date.now().toString(36)}`,
      namespace: inputs.optionalName('namespace', KUBERNETES_LABEL) ?? 'spark-jobs',
      image,
      sparkVersion,
      serviceAccount: inputs.optionalName('serviceAccount', KUBERNETES_SUBDOMAIN) ?? 'spark-operator-spark',
      executors: inputs.integer('executors', 2, { min: 1, max: 100 }),
    },
    timeoutMs: inputs.seconds('timeoutSeconds', 300, { min: 10, max: 86_400 }) * 1000,
  };
}

/** The smoke test on AKS: SparkPi as a SparkApplication, which the operator must bring to COMPLETED. */
export async function aksSmokeTest(pipeline: Pipeline, inputs: InputReader): Promise<void> {
  const { kubeconfig, application, timeoutMs } = readAksSmokeTest(inputs);
  const kubectl = new Kubectl(pipeline.secretFile('kubeconfig', kubeconfig));
  // In the run's scratch directory, removed when the action ends (it was left in the runner's temp).
  const manifest = pipeline.secretFile(`${application.name}.json`, `${JSON.stringify(sparkPiApplication(application), null, 2)}\n`);
  const started = performance.now();
  const outcome = await pipeline.group(`Smoke test on AKS (${application.namespace}/${application.name})`, async () => {
    await kubectl.apply(manifest);
    return waitUntil<SparkApplicationOutcome>(
      async () => sparkApplicationOutcome(await kubectl.getJson('sparkapplication', application.name, application.namespace)),
      (observed) => observed.final,
      {
        timeoutMs,
        intervalMs: 5_000,
        onObservation: onChange(
          (observed) => observed.state,
          (state) => pipeline.log.info(`${application.name}: ${state}`),
        ),
      },
    );
  });
  const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  const last = outcome.last;
  pipeline.setOutput('result', last.state);
  pipeline.setOutput('durationSeconds', String(durationSeconds));
  pipeline.setOutput('applicationId', application.name);
  await pipeline.appendSummary(
    `### Smoke test on AKS: ${last.final && last.passed ? 'passed' : 'failed'}\n\n| | |\n|---|---|\n| SparkApplication | ${application.namespace}/${application.name} |\n| state | ${last.state} |\n| duration | ${durationSeconds} s |\n`,
  );
  if (last.final && last.passed) return pipeline.log.info(`Smoke test passed: ${application.name} COMPLETED in ${durationSeconds} s`);
  if (last.final && last.driverPod) pipeline.log.info(`Driver log (end):\n${await kubectl.logTail(last.driverPod, application.namespace, 40)}`);
  const found = last.final ? `${last.state}${last.message ? `: ${last.message}` : ''}` : `still ${last.state} after ${Math.round(timeoutMs / 1000)} s`;
  throw new ClusterStateError(
    'Smoke test on AKS',
    'the SparkApplication COMPLETED',
    found,
    `kubectl describe sparkapplication ${application.name} -n ${application.namespace} tells more.`,
  );
}
