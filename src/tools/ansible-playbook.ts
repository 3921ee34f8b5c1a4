import path from 'node:path';
import { $ } from 'zx';

/** Runs infra/ansible/site.yml (or another playbook beside it) with the project's ansible.cfg. */
export async function runPlaybookWith(
  ansiblePlaybook: string,
  root: string,
  inventory: string,
  options: { playbook?: string; extraArgs?: string[] } = {},
): Promise<{ exitCode: number; output: string }> {
  const ansibleDir = path.join(root, 'infra', 'ansible');
  const playbook = path.join(ansibleDir, options.playbook ?? 'site.yml');
  const env = { ...process.env, ANSIBLE_CONFIG: path.join(ansibleDir, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0' };
  const result = await $({ env, cwd: ansibleDir })`${ansiblePlaybook} -i ${inventory} ${playbook} ${options.extraArgs ?? []}`
    .quiet()
    .nothrow();
  return { exitCode: result.exitCode ?? 1, output: result.stdout + result.stderr };
}

