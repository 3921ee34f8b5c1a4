import { SSH_USER } from '../../core/inputs/name-patterns.js';
import { ClusterStateError, InputError, describeValue } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { LivyBatchRequest, LivyEndpoint } from '../../azure/livy-client.js';
import { runLivyBatch } from '../../operations/livy-batch.js';
import { parseArguments, parseSparkConf } from '../shared/smoke-test-settings.js';
import { parseLivyUrl } from '../../core/inputs/livy-url.js';

/** HDInsight's Livy behind the cluster gateway, and the batch to submit there. */
export function readHdinsightSmokeTest(inputs: InputReader): { endpoint: LivyEndpoint; request: LivyBatchRequest; timeoutMs: number } {
  const given = inputs.optional('livyUrl');
  const livyUrl = given === undefined ? undefined : parseLivyUrl(given);
  if (livyUrl !== undefined) {
    inputs.refuseIgnored(['hdinsightCluster'], () => ({ expected: 'it or livyUrl', found: 'both', fix: 'Leave hdinsightCluster out: livyUrl names the endpoint.' }));
  }
  const cluster = livyUrl === undefined ? inputs.required('hdinsightCluster', 'the HDInsight cluster name', 'spark-prod') : undefined;
  if (cluster !== undefined && !/^[a-zA-Z][a-zA-Z0-9-]{2,58}$/.test(cluster)) {
    throw new InputError(
      'hdinsightCluster',
      'an HDInsight cluster name (letters, digits, hyphens)',
      describeValue(cluster),
      "Give the name only; use 'livyUrl' for another address.",
    );
  }
  const password = inputs.required('gatewayPassword', "the cluster gateway (HTTP) user's password", 'a secret variable');
  const file = inputs.required('application', 'the application on the cluster storage', 'abfs://spark@lake.dfs.core.windows.net/jobs/pi.py');
  const className = inputs.optional('mainClass');
  if (className !== undefined && !file.endsWith('.jar')) {
    throw new InputError('mainClass', 'it only with an application jar', `it with ${describeValue(file)}`, "Give the jar in 'application', or leave mainClass out.");
  }
  if (file.endsWith('.jar') && className === undefined) {
    throw new InputError('mainClass', 'the main class of the jar', 'nothing', "Set 'mainClass', e.g. org.apache.spark.examples.SparkPi.");
  }
  return {
    endpoint: {
      baseUrl: livyUrl ?? `https://${cluster}.azurehdinsight.net/livy`,
      user: inputs.optionalName('gatewayUser', SSH_USER) ?? 'admin',
      password,
      requestTimeoutMs: 30_000,
    },
    request: {
      file,
      className,
      args: parseArguments(inputs.optional('arguments')),
      conf: parseSparkConf(inputs.optional('sparkConf')),
      name: `spark-azure smoke test ${new Date().toISOString()}`,
    },
    timeoutMs: inputs.seconds('timeoutSeconds', 300, { min: 10, max: 86_400 }) * 1000,
  };
}

/** The smoke test on HDInsight: one batch through Livy, which must end `success`. */
export async function hdinsightSmokeTest(pipeline: Pipeline, inputs: InputReader): Promise<void> {
  const { endpoint, request, timeoutMs } = readHdinsightSmokeTest(inputs);
  const report = await pipeline.group(`Smoke test through Livy (${endpoint.baseUrl})`, () =>
    runLivyBatch(endpoint, request, { timeoutMs, intervalMs: 5_000 }, pipeline.log).catch((error: Error) => {
      throw new ClusterStateError(
        `Livy at ${endpoint.baseUrl}`,
        'an answer',
        error.message,
        'Check the gateway user and password, and that this runner reaches the cluster (private link: the -int address).',
      );
    }),
  );
  pipeline.setOutput('result', report.state);
  pipeline.setOutput('durationSeconds', String(report.durationSeconds));
  pipeline.setOutput('applicationId', report.applicationId ?? '');
  await pipeline.appendSummary(
    `### Smoke test on HDInsight: ${report.passed ? 'passed' : 'failed'}\n\n| | |\n|---|---|\n| Livy batch | ${report.batchId} |\n| state | ${report.state} |\n| application | ${report.applicationId ?? ''} |\n| duration | ${report.durationSeconds} s |\n`,
  );
  if (!report.passed) {
    pipeline.log.info(`Livy batch log (end):\n${report.logTail.join('\n')}`);
    throw new ClusterStateError(
      'Smoke test on HDInsight',
      'a Livy batch ending in success',
      report.reason,
      'See the batch log above, and the application in YARN (Ambari) on the cluster.',
    );
  }
  pipeline.log.info(`Smoke test passed: ${report.reason} in ${report.durationSeconds} s`);
}
