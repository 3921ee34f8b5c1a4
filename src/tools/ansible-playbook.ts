import path from 'node:path';
import { $ } from 'zx/core';
import { type ToolResult, lastErrorLine } from './tool-result.js';

export interface PlaybookRun extends ToolResult {
  /** stdout and stderr together, as a person reading the run would see them. */
  readonly output: string;
}

/** Runs infra/ansible/site.yml (or another playbook beside it) with the project's ansible.cfg. */
export async function runPlaybookWith(ansiblePlaybook: string, root: string, inventory: string, options: { playbook?: string; extraArgs?: string[] } = {}): Promise<PlaybookRun> {
  const ansibleDir = path.join(root, 'infra', 'ansible');
  const playbook = path.join(ansibleDir, options.playbook ?? 'site.yml');
  const env = { ...process.env, ANSIBLE_CONFIG: path.join(ansibleDir, 'ansible.cfg'), ANSIBLE_NOCOLOR: '1', ANSIBLE_FORCE_COLOR: '0' };
  const result = await $({ env, cwd: ansibleDir })`${ansiblePlaybook} -i ${inventory} ${playbook} ${options.extraArgs ?? []}`.quiet().nothrow();
  return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

/** Ansible's own failure lines: which host, and why. */
export function ansibleFailures(result: ToolResult): string {
  return (
    `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter((line) => /fatal:|UNREACHABLE|ERROR!|failed=[1-9]/.test(line))
      .slice(0, 3)
      .join(' | ') || lastErrorLine(result)
  );
}
