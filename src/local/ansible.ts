import { type PlaybookRun, ansibleFailures, runPlaybookWith } from '../tools/ansible-playbook.js';
import { requireSuccess } from '../tools/tool-result.js';
import type { Toolchain } from './toolchain.js';

/** Runs the site playbook (or another one beside it) with the project's ansible.cfg. */
export async function runPlaybook(toolchain: Toolchain, root: string, inventory: string, options: { playbook?: string; extraArgs?: string[] } = {}): Promise<PlaybookRun> {
  return runPlaybookWith(toolchain.ansiblePlaybook, root, inventory, options);
}

/** Renders the nodes' configuration and launchers through the roles (every node, or only `limit`), with nothing started. */
export async function renderConfiguration(toolchain: Toolchain, root: string, inventory: string, limit?: readonly string[]): Promise<void> {
  const result = await runPlaybook(toolchain, root, inventory, { extraArgs: ['--skip-tags', 'health', ...(limit ? ['--limit', limit.join(',')] : [])] });
  requireSuccess(
    result,
    'Ansible site.yml (local inventory)',
    `Run it by hand to see the whole output: ANSIBLE_CONFIG=infra/ansible/ansible.cfg ${toolchain.ansiblePlaybook} -i ${inventory} infra/ansible/site.yml`,
    ansibleFailures,
  );
}
