import path from 'node:path';
import { $ } from 'zx';
import { ActionableError } from '../core/errors.js';
import type { Toolchain } from './toolchain.js';

/** Runs the site playbook (or another one beside it) with the project's ansible.cfg. */
export async function runPlaybook(
  toolchain: Toolchain,
  root: string,
  inventory: string,
  options: { playbook?: string; extraArgs?: string[] } = {},
): Promise<{ exitCode: number; output: string }> {
  const ansibleDir = path.join(root, 'infra', 'ansible');
  const playbook = path.join(ansibleDir, options.playbook ?? 'site.yml');
  const env = { ...process.env, ANSIBLE_CONFIG: path.join(ansibleDir, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0' };
  const result = await $({ env, cwd: ansibleDir })`${toolchain.ansiblePlaybook} -i ${inventory} ${playbook} ${options.extraArgs ?? []}`
    .quiet()
    .nothrow();
  return { exitCode: result.exitCode ?? 1, output: result.stdout + result.stderr };
}

/** Renders every node's configuration and launcher through the roles, with nothing started. */
export async function renderConfiguration(toolchain: Toolchain, root: string, inventory: string): Promise<void> {
  const result = await runPlaybook(toolchain, root, inventory, { extraArgs: ['--skip-tags', 'health'] });
  if (result.exitCode !== 0) {
    const failure = result.output.split('\n').filter((line) => /fatal:|ERROR!|failed=/.test(line)).slice(0, 3).join(' | ');
    throw new ActionableError('Ansible (site.yml, local inventory)', 'every node configured', failure || `exit ${result.exitCode}`, `Run it by hand to see the whole output: ANSIBLE_CONFIG=infra/ansible/ansible.cfg ${toolchain.ansiblePlaybook} -i ${inventory} infra/ansible/site.yml`);
  }
}
