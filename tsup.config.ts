import { type Options, defineConfig } from 'tsup';

/**
 * One self-contained CommonJS bundle, dist/spark-azure.cjs, with every action behind every door. Each
 * action's GitHub entry, each Azure DevOps task's entry and the CLI are two lines that call into it: GitHub
 * runs `node actions/<name>/index.cjs` from a checkout without node_modules, and an installed Azure DevOps
 * task folder holds its entry and a copy of the bundle (scripts/stage-extension.mjs lays it out).
 */

// @actions/core imports its OIDC client (and undici with it) at load; nothing here asks for an ID token.
// Declared free of side effects, the unused client is left out (0.8 MB).
const unusedHttpClient = {
  name: 'unused-http-client',
  setup(build: { onResolve: Function; resolve: Function }) {
    build.onResolve({ filter: /^@actions\/http-client/ }, async (args: { path: string; resolveDir: string; kind: string; pluginData?: unknown }) => {
      if (args.pluginData) return undefined;
      const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: true });
      return { ...resolved, sideEffects: false };
    });
  },
};

export default defineConfig({
  entry: { 'spark-azure': 'src/entries/bundle.ts' },
  // The bundle-freshness test builds into a scratch directory and compares with the committed bundle.
  outDir: process.env.SPARK_AZURE_BUILD_ROOT ?? 'dist',
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
  esbuildPlugins: [unusedHttpClient as NonNullable<Options['esbuildPlugins']>[number]],
});
