import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ACTION_NAMES } from '../../src/actions/registry.js';
import { ROOT } from '../support/run-bundle.js';

// Users run the committed bundles, not the sources: a stale bundle ships old behaviour.
describe('committed bundles', () => {
  it('match a fresh build of the sources', async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'bundles-'));
    await $({ cwd: ROOT, env: { ...process.env, SPARK_AZURE_BUILD_ROOT: scratch }, quiet: true })`npx tsup`;
    const bundles = [
      'dist/cli.cjs',
      ...ACTION_NAMES.flatMap((name) => [`actions/${name}/dist/index.cjs`, `pipelines/tasks/${name}/dist/index.cjs`]),
    ];
    const built = readdirSync(scratch, { recursive: true }).filter((file) => String(file).endsWith('.cjs'));
    expect(built).toHaveLength(bundles.length);
    const stale = bundles.filter((bundle) => readFileSync(path.join(scratch, bundle), 'utf8') !== readFileSync(path.join(ROOT, bundle), 'utf8'));
    expect(stale, `stale bundles: run \`npm run build\` and commit ${stale.join(', ')}`).toEqual([]);
  });
});
