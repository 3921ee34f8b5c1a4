import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx';
import { ActionableError } from '../core/errors.js';
import type { Log } from '../core/log.js';

/** What the local cluster runs on, all installed by spark-azure itself on a fresh machine. */
export interface Toolchain {
  readonly java: string;
  readonly python: string;
  readonly ansiblePlaybook: string;
  /** The Spark distribution inside the pyspark package. */
  readonly sparkHome: string;
  readonly zookeeperJar: string;
}

const ZOOKEEPER_JAR = '/usr/share/java/zookeeper.jar';

export async function ensureToolchain(root: string, toolsDir: string, log: Log): Promise<Toolchain> {
  const java = await ensureJava(log);
  await ensureDebianPackages(['zookeeper', 'libslf4j-java'], () => existsSync(ZOOKEEPER_JAR), log);
  const venv = await ensurePythonEnvironment(path.join(root, 'requirements', 'local-cluster.txt'), path.join(toolsDir, 'local-cluster'), log);
  const python = path.join(venv, 'bin', 'python');
  const sparkHome = (await $`${python} -c ${'import os, pyspark; print(os.path.dirname(pyspark.__file__))'}`.quiet()).stdout.trim();
  return { java, python, ansiblePlaybook: path.join(venv, 'bin', 'ansible-playbook'), sparkHome, zookeeperJar: ZOOKEEPER_JAR };
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

/** Installs Debian packages unless `present()` says they are there. Needs root or password-less sudo. */
export async function ensureDebianPackages(packages: string[], present: () => boolean, log: Log): Promise<void> {
  if (present()) return;
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  if (asRoot.length > 0 && (await $`sudo -n true`.quiet().nothrow()).exitCode !== 0) {
    throw new ActionableError(
      `Debian packages ${packages.join(', ')}`,
      'them installed, or root or password-less sudo to install them',
      'neither',
      `Install them once with: sudo apt-get install -y ${packages.join(' ')}`,
    );
  }
  log.info(`Installing Debian packages: ${packages.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => $({ env })`${asRoot} apt-get install -y -q --no-install-recommends ${packages}`.quiet().nothrow();
  let result = await install();
  if (result.exitCode !== 0) {
    // A fresh machine often has no package lists yet.
    await $({ env })`${asRoot} apt-get update -q`.quiet();
    result = await install();
  }
  if (result.exitCode !== 0) {
    throw new ActionableError(`Debian packages ${packages.join(', ')}`, 'apt-get install to succeed', `exit ${result.exitCode}: ${lastLine(result.stderr)}`, 'Run the apt-get command by hand to see why.');
  }
}

/**
 * A virtual environment per requirements file, rebuilt only when that file changes: the hash of the
 * requirements is stored in the environment.
 */
export async function ensurePythonEnvironment(requirements: string, venv: string, log: Log): Promise<string> {
  const wanted = createHash('sha256').update(await readFile(requirements)).digest('hex');
  const stamp = path.join(venv, '.requirements.sha256');
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === wanted) return venv;
  log.info(`Installing ${path.basename(requirements)} into ${venv} (once; cached afterwards)`);
  await rm(venv, { recursive: true, force: true });
  await $`python3 -m venv ${venv}`.quiet();
  const pip = await $`${path.join(venv, 'bin', 'pip')} install --disable-pip-version-check -q -r ${requirements}`.quiet().nothrow();
  if (pip.exitCode !== 0) {
    throw new ActionableError(`Python requirements ${requirements}`, 'pip install to succeed', `exit ${pip.exitCode}: ${lastLine(pip.stderr)}`, `Check network access to PyPI, then retry; the environment is rebuilt from scratch.`);
  }
  await writeFile(stamp, wanted);
  return venv;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}
