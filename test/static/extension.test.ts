import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { installTask } from '../../scripts/stage-extension.mjs';
import { packageExtension } from '../../scripts/package-extension.mjs';
import { ACTION_NAMES } from '../../src/entries/action-registry.js';
import { ROOT, runAzureDevOpsTask } from '../support/run-bundle.js';

// The Azure DevOps extension as users get it: packed by tfx into a .vsix, each task installed from it into
// the agent's `_work/_tasks/<Name>_<id>/<version>/` with no repository above it, and run from there.
describe('the Azure DevOps extension, packed and installed', () => {
  let unpacked: string;
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;

  beforeAll(() => {
    const vsix = packageExtension(mkdtempSync(path.join(os.tmpdir(), 'vsix-')));
    expect(path.basename(vsix)).toBe(`spark-azure-${version}.vsix`);
    unpacked = mkdtempSync(path.join(os.tmpdir(), 'vsix-unpacked-'));
    execFileSync('unzip', ['-q', vsix, '-d', unpacked]);
  });

  it('holds every task with its entry, the bundle and spark-azure’s content, at the package version', () => {
    const manifest = JSON.parse(readFileSync(path.join(unpacked, 'extension.vsomanifest'), 'utf8'));
    expect(manifest.contributions.map((contribution: { id: string }) => contribution.id).sort()).toEqual([...ACTION_NAMES].sort());
    for (const name of ACTION_NAMES) {
      const files = readdirSync(path.join(unpacked, 'tasks', name));
      expect(files.sort()).toEqual(['index.cjs', 'infra', 'spark-azure.cjs', 'task.json']);
      const task = JSON.parse(readFileSync(path.join(unpacked, 'tasks', name, 'task.json'), 'utf8'));
      expect(`${task.version.Major}.${task.version.Minor}.${task.version.Patch}`).toBe(version);
      expect(Object.keys(task.execution)).toEqual(['Node20_1', 'Node24']);
    }
  });

  it.each(ACTION_NAMES)('%s: refuses bad input from its installed folder with one line naming the input', async (name) => {
    const bad: Record<string, Record<string, string>> = { 'smoke-test': {}, 'rolling-update': {}, provision: { command: 'destroy' }, 'image-build': { galleryName: 'g' } };
    const run = await runAzureDevOpsTask(name, bad[name]!, {}, { unpackedExtension: unpacked });
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('##vso[task.complete result=Failed'))).toEqual([expect.stringMatching(/;\]Input '[a-zA-Z]+': expected /)]);
  });

  it('provision: plans and applies the user’s root from the installed task, the plan in the sources directory', async () => {
    const sources = mkdtempSync(path.join(os.tmpdir(), 'ado-sources-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(sources, 'terraform', 'main.tf'), { recursive: true });
    const agent = { BUILD_SOURCESDIRECTORY: sources };
    const common = { workingDirectory: 'terraform', variables: 'image_id=/subscriptions/s/images/spark-node/versions/1.2.3', workerScaleSetLookup: 'false' };
    const plan = await runAzureDevOpsTask('provision', { ...common, command: 'plan' }, agent, { unpackedExtension: unpacked });
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(plan.outputs).toMatchObject({ hasChanges: 'true', planFile: path.join(sources, 'spark-azure.tfplan') });
    const apply = await runAzureDevOpsTask('provision', { ...common, command: 'apply', configure: 'false' }, agent, { unpackedExtension: unpacked });
    expect(apply.exitCode, apply.stdout).toBe(0);
    expect(apply.outputs).toMatchObject({ masterUrl: 'spark://10.40.2.10:7077,10.40.2.11:7077', zookeeperDir: '/spark-azure/spark-test' });
    expect(apply.stdout).toContain('##vso[task.complete result=Succeeded');
  });

  it('a task without spark-azure’s content in its folder cannot run, and says what is missing', async () => {
    const taskDir = installTask('provision', path.join(mkdtempSync(path.join(os.tmpdir(), 'agent-')), '_work'), unpacked);
    rmSync(path.join(taskDir, 'infra'), { recursive: true });
    const run = await runAzureDevOpsTask('provision', { command: 'plan' }, {}, { taskDir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/cannot find spark-azure's content \(infra\/ansible\/site\.yml\)/);
  });
});
