import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../../src/core/spark/drill-job.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { type RunningSubmission, startSparkSubmit } from '../../src/tools/run-spark-submit.js';
import { resolveSparkRuntime } from '../../src/tools/spark-runtime.js';
import { silentLog } from '../../src/core/log.js';

/** Starts the drill's long-running job against the local cluster; `result` resolves when spark-submit exits. */
export async function startLongJob(cluster: LocalCluster, masterUrl: string, seconds: number): Promise<RunningSubmission> {
  const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolCache: cluster.paths.toolCache }, silentLog);
  const application = path.join(mkdtempSync(path.join(os.tmpdir(), 'long-job-')), DRILL_JOB_FILE);
  writeFileSync(application, DRILL_JOB_SOURCE);
  return startSparkSubmit(
    runtime,
    {
      masterUrl,
      application,
      arguments: [String(seconds)],
      deployMode: 'client',
      name: 'spark-azure rolling update test job',
      conf: {
        'spark.driver.host': '127.0.0.1',
        'spark.driver.bindAddress': '127.0.0.1',
        'spark.executor.memory': '512m',
        'spark.ui.enabled': 'false',
        'spark.pyspark.python': runtime.python,
      },
    },
    { timeoutMs: (seconds + 300) * 1000, localIp: '127.0.0.1' },
  );
}
