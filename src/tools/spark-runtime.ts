import { existsSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import { InputError, describeValue } from '../core/errors.js';
import type { Log } from '../core/log.js';
import { ensurePythonEnvironment } from './installers.js';

/** A Spark distribution to submit from, and the Python that runs PySpark drivers and executors. */
export interface SparkRuntime {
  readonly sparkHome: string;
  readonly python: string;
}

/**
 * Uses the Spark the caller names, else $SPARK_HOME, else installs pyspark (a full Spark) into a cached
 * virtual environment under `toolCache`.
 */
export async function resolveSparkRuntime(options: { sparkHome?: string; input: string; toolCache: string }, log: Log): Promise<SparkRuntime> {
  const explicit = options.sparkHome ?? process.env.SPARK_HOME;
  if (explicit) {
    if (!existsSync(path.join(explicit, 'bin', 'spark-submit'))) {
      throw new InputError(
        options.sparkHome ? options.input : 'SPARK_HOME',
        'a Spark distribution with bin/spark-submit',
        describeValue(explicit),
        `Point '${options.input}' at an unpacked Spark, or leave it and SPARK_HOME unset to install pyspark.`,
      );
    }
    return { sparkHome: explicit, python: process.env.PYSPARK_PYTHON ?? 'python3' };
  }
  const venv = await ensurePythonEnvironment('local-cluster', options.toolCache, log);
  const python = path.join(venv, 'bin', 'python');
  return { sparkHome: await pysparkHome(python), python };
}

/** The Spark distribution inside an installed pyspark package. */
export async function pysparkHome(python: string): Promise<string> {
  return (await $`${python} -c ${'import os, pyspark; print(os.path.dirname(pyspark.__file__))'}`.quiet()).stdout.trim();
}
