import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx/core';
import { ensureDebianPackages, ensurePythonEnvironment } from '../tools/installers.js';
import { ensureRecoveryPlugin } from '../tools/recovery-plugin.js';
import { suiteContent } from '../tools/suite-content.js';
import { ensureZooKeeperMetricsJars } from '../tools/zookeeper-metrics-jars.js';
import { pysparkHome } from '../tools/spark-runtime.js';
import { ensureTerraformCli } from '../tools/terraform-cli.js';
import type { Log } from '../core/log.js';

/** What the local cluster runs on, all installed by spark-azure itself on a fresh machine. */
export interface Toolchain {
  readonly java: string;
  readonly python: string;
  readonly ansiblePlaybook: string;
  /** The Spark distribution inside the pyspark package. */
  readonly sparkHome: string;
  /** spark-azure's leader-election plugin, built against that Spark. */
  readonly recoveryPluginJar: string;
  readonly zookeeperJar: string;
  /** ZooKeeper's Prometheus metrics provider and the jars it needs. */
  readonly zookeeperMetricsJarDir: string;
  /** Terraform (or OpenTofu): it renders the nodes' custom data with the real node-boot module. */
  readonly terraform: string;
}

const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';

export async function ensureToolchain(root: string, toolCache: string, log: Log): Promise<Toolchain> {
  const java = await ensureJava(log);
  await ensureDebianPackages(['zookeeper', 'libslf4j-java'], () => existsSync(ZOOKEEPER_JAR), log);
  const venv = await ensurePythonEnvironment('local-cluster', toolCache, log);
  const python = path.join(venv, 'bin', 'python');
  const sparkHome = await pysparkHome(python);
  const recoveryPluginJar = await ensureRecoveryPlugin({ content: suiteContent(root), sparkHome, toolCache, tempDir: os.tmpdir() }, log);
  const zookeeperMetricsJarDir = await ensureZooKeeperMetricsJars(suiteContent(root), toolCache, log);
  const terraform = await ensureTerraformCli(toolCache, log);
  return {
    java,
    python,
    ansiblePlaybook: path.join(venv, 'bin', 'ansible-playbook'),
    sparkHome,
    recoveryPluginJar,
    zookeeperJar: ZOOKEEPER_JAR,
    zookeeperMetricsJarDir,
    terraform,
  };
}

async function ensureJava(log: Log): Promise<string> {
  const version = await javaMajorVersion();
  if (version !== undefined && version >= 17) return 'java';
  log.info(version === undefined ? 'Java is missing: installing OpenJDK 17' : `Java ${version} is too old for Spark 4: installing OpenJDK 17`);
  await ensureDebianPackages(['openjdk-17-jre-headless'], () => false, log);
  return 'java';
}

async function javaMajorVersion(): Promise<number | undefined> {
  const result = await $`java -version`.quiet().nothrow();
  if (result.exitCode !== 0) return undefined;
  const match = /version "(\d+)/.exec(result.stderr);
  return match ? Number(match[1]) : undefined;
}
