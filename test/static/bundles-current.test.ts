import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ACTION_NAMES } from '../../src/entries/action-registry.js';
import { ROOT } from '../support/run-bundle.js';

// Users run the committed bundle, not the sources: a stale bundle ships old behaviour.
describe('the committed bundle', () => {
  it('matches a fresh build of the sources', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
    await $({ cwd: ROOT, env: { ...process.env, SPARK_AZURE_BUILD_ROOT: scratch }, quiet: true })`npx tsup`;
    const fresh = readFileSync(path.join(scratch, 'spark-azure.cjs'), 'utf8');
    expect(fresh === readFileSync(path.join(ROOT, 'dist', 'spark-azure.cjs'), 'utf8'), 'dist/spark-azure.cjs is stale: run `npm run build` and commit it').toBe(true);
  });

  it.each(ACTION_NAMES)('%s: the GitHub entry and the task entry run this action through the shared bundle', (name) => {
    expect(readFileSync(path.join(ROOT, 'actions', name, 'index.cjs'), 'utf8')).toContain(`require('../../dist/spark-azure.cjs').runGithubAction('${name}');`);
    expect(readFileSync(path.join(ROOT, 'pipelines', 'tasks', name, 'index.cjs'), 'utf8')).toContain(`require('./spark-azure.cjs').runAzureDevOpsTask('${name}');`);
  });
});
