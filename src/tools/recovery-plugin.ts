import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx/core';
import { partialPath, publish } from './cache-entry.js';
import { requireSuccess } from './tool-result.js';
import type { Log } from '../core/log.js';
import { ensureDebianPackages } from './installers.js';
import type { SuiteContent } from './suite-content.js';

export const RECOVERY_FACTORY_CLASS = 'io.sparkazure.recovery.SuspensionTolerantRecoveryModeFactory';

/**
 * Builds spark-azure's leader-election plugin (infra/spark-recovery) against the Spark it will run in,
 * once per source and Spark version, and returns the jar. Needs a JDK (javac, jar): installed if missing.
 */
export async function ensureRecoveryPlugin(where: { content: SuiteContent; sparkHome: string; toolCache: string; tempDir: string }, log: Log): Promise<string> {
  const { sparkHome, toolCache } = where;
  const sourceDir = where.content.recoveryPluginSource;
  const sources = listJavaSources(sourceDir);
  const hash = createHash('sha256');
  for (const file of sources) hash.update(file).update(readFileSync(file));
  hash.update(
    readdirSync(path.join(sparkHome, 'jars'))
      .filter((jar) => jar.startsWith('spark-core'))
      .join(),
  );
  const jar = path.join(toolCache, 'spark-recovery', `spark-azure-recovery-${hash.digest('hex').slice(0, 16)}.jar`);
  if (existsSync(jar)) return jar;

  if ((await $`javac -version`.quiet().nothrow()).exitCode !== 0) {
    log.info('javac is missing: installing OpenJDK 17 (to build the leader-election plugin)');
    await ensureDebianPackages(['openjdk-17-jdk-headless'], () => false, log);
  }
  log.info(`Building the leader-election plugin against ${path.basename(sparkHome)}`);
  const classes = await mkdtemp(path.join(where.tempDir, 'spark-azure-recovery-'));
  try {
    const compile = await $`javac --release 17 -Xlint:all,-path -Werror -cp ${path.join(sparkHome, 'jars', '*')} -d ${classes} ${sources}`.quiet().nothrow();
    requireSuccess(compile, 'javac of the leader-election plugin', 'The plugin targets Spark 4.x: check the Spark version, or set spark_master_leader_election=spark.', (result) =>
      result.stderr.trim().split('\n').slice(0, 3).join(' | '),
    );
    await mkdir(path.dirname(jar), { recursive: true });
    const partial = partialPath(jar);
    await $`jar --create --file ${partial} -C ${classes} .`.quiet();
    publish(partial, jar);
    return jar;
  } finally {
    await rm(classes, { recursive: true, force: true });
  }
}

function listJavaSources(directory: string): string[] {
  return readdirSync(directory, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.java'))
    .sort()
    .map((file) => path.join(directory, file));
}
