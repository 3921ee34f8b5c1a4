import path from 'node:path';
import { type Options, defineConfig } from 'tsup';
import { ACTION_NAMES } from './src/actions/registry.js';

/**
 * One self-contained CommonJS file per entry: GitHub runs `node actions/<name>/dist/index.cjs` from a
 * checkout without node_modules, and an Azure DevOps task folder ships only its own files.
 */
const shared: Options = {
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  bundle: true,
  // Inline every dependency, including ESM-only @actions/core.
  noExternal: [/.*/],
  shims: true,
  splitting: false,
  sourcemap: false,
  minify: false,
  clean: false,
  silent: true,
  outExtension: () => ({ js: '.cjs' }),
};

const perAction = (door: 'github-action' | 'azure-devops-task', directory: (name: string) => string): Options[] =>
  ACTION_NAMES.map((name) => ({
    ...shared,
    entry: { index: `src/entries/${door}.ts` },
    outDir: directory(name),
    define: { SPARK_AZURE_ACTION: JSON.stringify(name) },
  }));

// The bundle-freshness test builds into a scratch directory and compares with the committed bundles.
const out = (directory: string) => path.join(process.env.SPARK_AZURE_BUILD_ROOT ?? '.', directory);

export default defineConfig([
  { ...shared, entry: { cli: 'src/entries/cli.ts' }, outDir: out('dist'), banner: { js: '#!/usr/bin/env node' } },
  ...perAction('github-action', (name) => out(`actions/${name}/dist`)),
  ...perAction('azure-devops-task', (name) => out(`pipelines/tasks/${name}/dist`)),
]);
