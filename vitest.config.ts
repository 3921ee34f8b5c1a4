import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure logic, parallel, seconds), `static` (linters, schemas, bundle freshness)
 * and `integration` (the real local cluster). Integration files run one at a time: every cluster binds
 * the same loopback addresses.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/support/suite-temp.ts'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 } },
      {
        test: {
          name: 'static',
          include: ['test/static/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // @actions/workflow-parser imports JSON without an import attribute, which Node 20 refuses: let Vite load it.
          server: { deps: { inline: [/@actions\/workflow-parser/] } },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          // The first run installs Java, ZooKeeper, pyspark and ansible-core.
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
