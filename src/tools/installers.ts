import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx/core';
import { ActionableError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import { requireSuccess } from './tool-result.js';
import { PYTHON_ENVIRONMENTS, type PythonEnvironmentName } from './python-environments.js';

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
  requireSuccess(result, `apt-get install ${packages.join(' ')}`, 'Run the apt-get command by hand to see why.');
}

/**
 * A cached virtual environment per entry of PYTHON_ENVIRONMENTS, rebuilt only when its package list
 * changes: the hash of the list is stored in the environment. Returns the environment's directory.
 */
export async function ensurePythonEnvironment(name: PythonEnvironmentName, toolCache: string, log: Log): Promise<string> {
  const packages = PYTHON_ENVIRONMENTS[name];
  const venv = path.join(toolCache, name);
  const wanted = createHash('sha256').update(packages.join('\n')).digest('hex');
  const stamp = path.join(venv, '.packages.sha256');
  if (existsSync(stamp) && (await readFile(stamp, 'utf8')) === wanted) return venv;
  log.info(`Installing ${packages.join(', ')} into ${venv} (once; cached afterwards)`);
  await rm(venv, { recursive: true, force: true });
  await $`python3 -m venv ${venv}`.quiet();
  const pip = await $`${path.join(venv, 'bin', 'pip')} install --disable-pip-version-check -q ${packages}`.quiet().nothrow();
  requireSuccess(pip, `pip install into the Python environment '${name}'`, 'Check network access to PyPI, then retry; the environment is rebuilt from scratch.');
  await writeFile(stamp, wanted);
  return venv;
}
