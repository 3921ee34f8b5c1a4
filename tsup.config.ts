import { defineConfig } from 'tsup';

/**
 * One self-contained CommonJS file per entry: GitHub runs `node actions/<name>/dist/index.cjs` from a
 * checkout without node_modules, and an Azure DevOps task folder ships only its own files.
 */
const shared = {
  format: ['cjs'] as const,
  platform: 'node' as const,
  target: 'node20',
  bundle: true,
  // Inline every dependency, including ESM-only @actions/core.
  noExternal: [/.*/],
  shims: true,
  splitting: false,
  sourcemap: false,
  minify: false,
  clean: false,
  outExtension: () => ({ js: '.cjs' }),
};

export default defineConfig([
  { ...shared, entry: { cli: 'src/entries/cli.ts' }, outDir: 'dist', banner: { js: '#!/usr/bin/env node' } },
]);
