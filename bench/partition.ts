// Split brain: the ALIVE master cut off from ZooKeeper (not from its workers or clients) on the local
// cluster, statuses every 100 ms (test/support/partition.ts does the cut). Reported: the longest time two
// masters were ALIVE together, the time with none, and whether a job running across it finished.
// Usage: npx tsx bench/partition.ts [seconds cut off, default 25]   (root and nftables)
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLog } from '../src/core/log.js';
import { cliDirectories } from '../src/doors/cli-pipeline.js';
import { LocalCluster } from '../src/local/local-cluster.js';
import { localPaths } from '../src/local/paths.js';
import { cutAliveMasterFromZooKeeper } from '../test/support/partition.js';
// @ts-expect-error plain ES module shared by the benchmarks
import { machineLine, writeResult } from './results.mjs';

const seconds = Number(process.argv[2] ?? 25);
const cluster = new LocalCluster({ ...localPaths(cliDirectories()), clusterDir: mkdtempSync(path.join(os.tmpdir(), 'bench-partition-')) }, silentLog);
await cluster.up({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
try {
  const run = await cutAliveMasterFromZooKeeper(cluster, seconds);
  const after = (value: number | undefined) => (value === undefined ? 'never' : `${value.toFixed(1)} s`);
  writeResult(
    'partition.md',
    `# Split brain: the ALIVE master cut off from ZooKeeper

${machineLine()}

Reproduce: \`npx tsx bench/partition.ts ${seconds}\` (root and nftables). The ALIVE master (${run.isolated.name}) runs under its own
group; one nftables rule drops what it sends to ZooKeeper (${run.zookeeperHosts}) for ${seconds} s. Workers and clients still
reach it. ZooKeeper sessions are clamped to 6 s; the election plugin gives up leadership when Curator declares
the session LOST. Statuses every 100 ms (${run.samples.length} samples).

| figure | value |
|---|---|
| longest time with two ALIVE masters | ${run.longestOverlapSeconds.toFixed(1)} s |
| longest time with no ALIVE master | ${run.longestWithoutAliveSeconds.toFixed(1)} s |
| cut to the other master ALIVE | ${after(run.otherAliveAfterSeconds)} |
| cut to ${run.isolated.name} no longer ALIVE | ${after(run.isolatedLeftAfterSeconds)} |
| job running across the cut | exit ${run.job.exitCode}, ${run.job.result.reason} |
`,
  );
} finally {
  await cluster.down();
}
