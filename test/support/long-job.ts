import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../../src/core/spark/drill-job.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { readLocalClusterSecret } from '../../src/local/local-cluster-secret.js';
import { type RunningSubmission, startSparkSubmit } from '../../src/tools/run-spark-submit.js';
import { resolveSparkRuntime } from '../../src/tools/spark-runtime.js';
import { silentLog } from '../../src/core/log.js';

export interface LongJob extends RunningSubmission {
  /** Appears once the job's first round ran on the executors. */
  readonly firstRoundMarker: string;
  /** With `untilFile`: ends the job (after its seconds) however long whatever it spans took. */
  end(): void;
}

/**
 * Starts the drill's long-running job against the local cluster; `result` resolves when spark-submit exits.
 * With `untilFile` it runs at least `seconds` and then until `end()`, so that it spans what a test does
 * however slow the machine. It prints its failed tasks at the end, from its own REST API.
 */
export async function startLongJob(cluster: LocalCluster, masterUrl: string, seconds: number, options: { untilFile?: boolean } = {}): Promise<LongJob> {
  const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolCache: cluster.paths.toolCache }, silentLog);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'long-job-'));
  const application = path.join(directory, DRILL_JOB_FILE);
  writeFileSync(application, DRILL_JOB_SOURCE);
  const [firstRoundMarker, endMarker] = [path.join(directory, 'first-round-done'), path.join(directory, 'end')];
  const submission = startSparkSubmit(
    runtime,
    {
      masterUrl,
      application,
      arguments: [String(seconds), firstRoundMarker, ...(options.untilFile ? [endMarker] : [])],
      deployMode: 'client',
      name: 'spark-azure rolling update test job',
      clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir),
      conf: {
        'spark.driver.host': '127.0.0.1',
        'spark.driver.bindAddress': '127.0.0.1',
        'spark.executor.memory': '512m',
        // Its UI on a free port: the job prints its failed tasks from its REST API at the end.
        'spark.ui.enabled': 'true',
        'spark.ui.port': '0',
        'spark.decommission.enabled': 'true',
        'spark.pyspark.python': runtime.python,
      },
    },
    { timeoutMs: (seconds + 600) * 1000, localIp: '127.0.0.1' },
  );
  return { ...submission, firstRoundMarker, end: () => writeFileSync(endMarker, '') };
}
