import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensureDebianPackages, ensurePythonEnvironment } from '../../src/tools/installers.js';
import { ROOT } from '../support/run-bundle.js';

const VARIABLES = {
  subscription_id: '00000000-0000-0000-0000-000000000000',
  gallery_resource_group: 'rg-images',
  gallery_name: 'spark_azure',
  image_version: '1.2.3',
  managed_image_resource_group: 'rg-images',
  recovery_plugin_jar: '/tmp/spark-azure-recovery.jar',
};

describe('the Packer golden image, with the real Packer (Debian 1.6.6, offline)', () => {
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    await ensureDebianPackages(['packer'], () => existsSync('/usr/bin/packer'), silentLog);
    // Packer's ansible provisioner checks `ansible-playbook --version` while validating.
    const venv = await ensurePythonEnvironment('lint', cliDirectories().toolCache, silentLog);
    env = { ...process.env, PATH: `${path.join(venv, 'bin')}:${process.env.PATH}`, CHECKPOINT_DISABLE: '1' };
  });

  const validate = (directory: string) =>
    $({ cwd: directory, env, nothrow: true, quiet: true })`packer validate ${Object.entries(VARIABLES).flatMap(([key, value]) => ['-var', `${key}=${value}`])} spark-node.pkr.hcl`;

  it('validates and is formatted', async () => {
    const result = await validate(path.join(ROOT, 'infra', 'packer'));
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const fmt = await $({ cwd: path.join(ROOT, 'infra', 'packer'), env, nothrow: true, quiet: true })`packer fmt -check .`;
    expect(fmt.exitCode, fmt.stdout).toBe(0);
  });

  it('fails validation when the template is broken', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'packer-'));
    await cp(path.join(ROOT, 'infra'), copy, { recursive: true });
    const template = path.join(copy, 'packer', 'spark-node.pkr.hcl');
    writeFileSync(template, readFileSync(template, 'utf8').replace('gallery_name        = var.gallery_name', 'gallery_name        = var.gallery'));
    const result = await validate(path.join(copy, 'packer'));
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/var\.gallery|Unsupported attribute|undeclared/i);
  });
});
