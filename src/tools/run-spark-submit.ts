import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx/core';
import { driverSecurityProperties } from '../core/spark/cluster-security.js';
import { type SparkSubmission, sparkSubmitArguments } from '../core/spark/spark-submit.js';
import type { SparkRuntime } from './spark-runtime.js';

export interface SubmissionRun {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface RunningSubmission {
  readonly result: Promise<SubmissionRun>;
  /** Kills spark-submit and everything it started. */
  kill(): void;
}

/**
 * Starts spark-submit, bounded: a cluster-mode submission with no ALIVE master can wait forever. On timeout
 * or kill, zx kills the whole process tree (the JVM and a PySpark driver's Python).
 */
export function startSparkSubmit(runtime: SparkRuntime, submission: SparkSubmission, options: { timeoutMs: number; localIp?: string }): RunningSubmission {
  const env: NodeJS.ProcessEnv = { ...process.env, PYSPARK_PYTHON: runtime.python, SPARK_HOME: runtime.sparkHome };
  if (options.localIp) env.SPARK_LOCAL_IP = options.localIp;
  const secretDir = submission.clusterSecret === undefined ? undefined : writeDriverProperties(submission.clusterSecret);
  const started = performance.now();
  const child = $({
    env,
    nothrow: true,
    quiet: true,
    timeout: options.timeoutMs,
    timeoutSignal: 'SIGKILL',
  })`${path.join(runtime.sparkHome, 'bin', 'spark-submit')} ${sparkSubmitArguments(submission, secretDir && path.join(secretDir, DRIVER_PROPERTIES))}`;
  const result = (async (): Promise<SubmissionRun> => {
    let output: Awaited<typeof child>;
    try {
      output = await child;
    } finally {
      if (secretDir) rmSync(secretDir, { recursive: true, force: true });
    }
    const durationMs = performance.now() - started;
    return {
      exitCode: output.exitCode,
      timedOut: output.signal === 'SIGKILL' && durationMs >= options.timeoutMs,
      stdout: output.stdout,
      stderr: output.stderr,
      durationMs,
    };
  })();
  const kill = () => {
    try {
      void child.kill('SIGKILL').catch(() => undefined);
    } catch {
      // zx refuses ("too late") once the process has exited: nothing left to kill.
    }
  };
  return { result, kill };
}

const DRIVER_PROPERTIES = 'driver.properties';

/**
 * A private directory (0700) holding the driver's properties file (0600) for this one run: removed as soon
 * as spark-submit exits, whichever way.
 */
function writeDriverProperties(clusterSecret: string): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'spark-azure-driver-'));
  writeFileSync(path.join(directory, DRIVER_PROPERTIES), driverSecurityProperties(clusterSecret), { mode: 0o600 });
  return directory;
}

export function runSparkSubmit(runtime: SparkRuntime, submission: SparkSubmission, options: { timeoutMs: number; localIp?: string }): Promise<SubmissionRun> {
  return startSparkSubmit(runtime, submission, options).result;
}
