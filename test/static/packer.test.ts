import { readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';
import { PACKER_PLUGINS, PACKER_VERSION, type PackerTool, builtPacker } from '../../src/tools/packer.js';
import { ROOT } from '../support/run-bundle.js';

const VARIABLES = {
  subscription_id: '00000000-0000-0000-0000-000000000000',
  gallery_resource_group: 'rg-images',
  gallery_name: 'spark_azure',
  image_version: '1.2.3',
  managed_image_resource_group: 'rg-images',
  recovery_plugin_jar: '/tmp/spark-azure-recovery.jar',
};

// Packer and both plugins built from the Go module proxy (src/tools/packer.ts says which versions and why),
// installed where `packer init` puts them: validate loads the real azure-arm builder and ansible provisioner.
describe(`the Packer golden image, with Packer ${PACKER_VERSION} and the real azure and ansible plugins`, () => {
  let packer: PackerTool;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    packer = await builtPacker(cliDirectories().toolCache, silentLog);
    // Packer's ansible provisioner checks `ansible-playbook --version` while validating.
    const venv = await ensurePythonEnvironment('lint', cliDirectories().toolCache, silentLog);
    env = { ...process.env, ...packer.env, PATH: `${path.join(venv, 'bin')}:${process.env.PATH}` };
  });

  const run = (directory: string, command: string[]) => $({ cwd: directory, env, nothrow: true, quiet: true })`${packer.command} ${command}`;
  const validate = (directory: string) => run(directory, ['validate', ...Object.entries(VARIABLES).flatMap(([key, value]) => ['-var', `${key}=${value}`]), 'spark-node.pkr.hcl']);

  it('finds every required plugin installed: packer init has nothing to fetch', async () => {
    const init = await run(path.join(ROOT, 'infra', 'packer'), ['init', 'spark-node.pkr.hcl']);
    expect(init.exitCode, init.stdout + init.stderr).toBe(0);
    const installed = await run(path.join(ROOT, 'infra', 'packer'), ['plugins', 'installed']);
    for (const plugin of PACKER_PLUGINS) expect(installed.stdout).toContain(`packer-plugin-${plugin.name}_${plugin.version}_x5`);
  });

  it('validates with the plugins and is formatted', async () => {
    const result = await validate(path.join(ROOT, 'infra', 'packer'));
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const fmt = await run(path.join(ROOT, 'infra', 'packer'), ['fmt', '-check', '.']);
    expect(fmt.exitCode, fmt.stdout).toBe(0);
  });

  /** Validates a copy of infra/ whose template has one change; a change that matches nothing is a test bug. */
  const validateChanged = async (from: string, to: string) => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'packer-'));
    await cp(path.join(ROOT, 'infra'), copy, { recursive: true });
    const template = path.join(copy, 'packer', 'spark-node.pkr.hcl');
    const before = readFileSync(template, 'utf8');
    if (!before.includes(from)) throw new Error(`the template has no ${JSON.stringify(from)} to change`);
    writeFileSync(template, before.replace(from, to));
    return validate(path.join(copy, 'packer'));
  };

  it('fails validation on an attribute the azure-arm builder does not have', async () => {
    const result = await validateChanged('image_sku       = "server"', 'image_sku       = "server"\n  trusted_launch  = true');
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/trusted_launch.*(not expected|Unsupported argument)|Unsupported argument/s);
  });

  it('fails validation when the installed plugin does not meet the required version', async () => {
    const result = await validateChanged('version = ">= 1.1.2, < 2.0.0"', 'version = ">= 9.0.0"');
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/ansible/);
  });
});
