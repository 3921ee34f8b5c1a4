import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';
import { ROOT } from '../support/run-bundle.js';

describe('Ansible roles', () => {
  it('pass ansible-lint with the production profile', async () => {
    const venv = await ensurePythonEnvironment('lint', cliDirectories().toolCache, silentLog);
    const env = { ...process.env, PATH: `${path.join(venv, 'bin')}:${process.env.PATH}`, ANSIBLE_CONFIG: path.join(ROOT, 'infra', 'ansible', 'ansible.cfg') };
    const lint = await $({ cwd: path.join(ROOT, 'infra', 'ansible'), env, nothrow: true, quiet: true })`ansible-lint --profile production --nocolor .`;
    expect(lint.exitCode, lint.stdout + lint.stderr).toBe(0);
    expect(lint.stdout + lint.stderr).toMatch(/Profile 'production' was required, and it passed/);
  });
});
