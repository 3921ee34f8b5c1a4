import { type PlaybookRun, ansibleFailures, runPlaybookWith } from '../tools/ansible-playbook.js';
import { requireSuccess } from '../tools/tool-result.js';
import type { Toolchain } from './toolchain.js';

/** Runs the site playbook (or another one beside it) with the project's ansible.cfg. */
export async function runPlaybook(toolchain: Toolchain, root: string, inventory: string, options: { playbook?: string; extraArgs?: string[] } = {}): Promise<PlaybookRun> {
  return runPlaybookWith(toolchain.ansiblePlaybook, root, inventory, options);
}

/** Renders every node's configuration and launcher through the roles, with nothing started. */
export async function renderConfiguration(toolchain: Toolchain, root: string, inventory: string): Promise<void> {
  const result = await runPlaybook(toolchain, root, inventory, { extraArgs: ['--skip-tags', 'health'] });
  requireSuccess(
    result,
    'Ansible site.yml (local inventory)',
    `Run it by hand to see the whole output: ANSIBLE_CONFIG=infra/ansible/ansible.cfg ${toolchain.ansiblePlaybook} -i ${inventory} infra/ansible/site.yml`,
    ansibleFailures,
  );
}
