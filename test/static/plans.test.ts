import { appendFileSync, cpSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runGithubAction } from '../support/run-bundle.js';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf');

/** A user's workspace with Terraform roots of the fixture at `roots`. */
function workspace(...roots: string[]): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'plans-'));
  for (const root of roots) cpSync(FIXTURE, path.join(directory, root, 'main.tf'), { recursive: true });
  return directory;
}

const provision = (user: string, inputs: Record<string, string>) =>
  runGithubAction('provision', { variables: 'image_id=/i/1', configure: 'false', workerScaleSetLookup: 'false', ...inputs }, { GITHUB_WORKSPACE: user });

// A saved plan belongs to the root and the configuration that made it.
describe('saved plans', () => {
  it('a plan made before the configuration changed is refused, and nothing is applied', async () => {
    const user = workspace('terraform');
    expect((await provision(user, { workingDirectory: 'terraform', command: 'plan' })).exitCode).toBe(0);
    appendFileSync(path.join(user, 'terraform', 'main.tf'), '\noutput "added_later" {\n  value = 1\n}\n');
    const apply = await provision(user, { workingDirectory: 'terraform', command: 'apply' });
    expect(apply.exitCode).toBe(1);
    expect(apply.stdout).toMatch(
      /::error::Input 'planFile': expected a plan made from this Terraform root's configuration as it is now, found "spark-azure\.tfplan", where main\.tf changed\. Nothing was applied/,
    );
    expect(existsSync(path.join(user, 'terraform', 'terraform.tfstate'))).toBe(false);
  });

  it('a plan made in another root is refused', async () => {
    const user = workspace('staging', 'production');
    writeFileSync(path.join(user, 'production', 'backend.tf'), 'terraform {\n  backend "local" {}\n}\n');
    expect((await provision(user, { workingDirectory: 'staging', command: 'plan' })).exitCode).toBe(0);
    const apply = await provision(user, { workingDirectory: 'production', command: 'apply' });
    expect(apply.exitCode).toBe(1);
    expect(apply.stdout).toMatch(/where backend\.tf is new/);
    expect(existsSync(path.join(user, 'production', 'terraform.tfstate'))).toBe(false);
  });

  it('a second plan into a plan file being written is refused; a lock left by a dead run is taken over', async () => {
    const user = workspace('terraform');
    const lock = path.join(user, 'spark-azure.tfplan.lock');
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-11-24T00:00:00.000Z' }));
    const refused = await provision(user, { workingDirectory: 'terraform', command: 'plan' });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(new RegExp(`::error::Plan file .*spark-azure\\.tfplan: expected no other plan being written to it, found a plan by pid ${process.pid} on `));
    expect(existsSync(path.join(user, 'spark-azure.tfplan'))).toBe(false);

    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), since: '2026-11-24T00:00:00.000Z' }));
    const planned = await provision(user, { workingDirectory: 'terraform', command: 'plan' });
    expect(planned.exitCode, planned.stdout).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
