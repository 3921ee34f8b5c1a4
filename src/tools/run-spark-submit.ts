import path from 'node:path';
import { $ } from 'zx';
import { type SparkSubmission, sparkSubmitArguments } from '../core/spark/spark-submit.js';
import type { SparkRuntime } from './spark-runtime.js';

export interface SubmissionRun {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

/**
 * Runs spark-submit, bounded: a cluster-mode submission with no ALIVE master can wait forever. On timeout
 * zx kills the whole process tree (the JVM and a PySpark driver's Python).
 */
export async function runSparkSubmit(
  runtime: SparkRuntime,
  submission: SparkSubmission,
  options: { timeoutMs: number; localIp?: string },
): Promise<SubmissionRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, PYSPARK_PYTHON: runtime.python, SPARK_HOME: runtime.sparkHome };
  if (options.localIp) env.SPARK_LOCAL_IP = options.localIp;
  const started = performance.now();
  const process_ = $({ env, nothrow: true, quiet: true, timeout: options.timeoutMs, timeoutSignal: 'SIGKILL' })`${path.join(runtime.sparkHome, 'bin', 'spark-submit')} ${sparkSubmitArguments(submission)}`;
  const result = await process_;
  return {
    exitCode: result.exitCode,
    timedOut: result.signal === 'SIGKILL' && performance.now() - started >= options.timeoutMs,
    stdout: result.stdout,
    stderr: result.stderr,
    durationMs: performance.now() - started,
  };
}
