// Rolling update on the local cluster: spark-azure's roll against a naive one, in one run, each on a
// fresh cluster with the same configuration change, while a client writes to ZooKeeper every 10 ms.
//   naive: restart every node in inventory order (zk1..3, master1..2, worker1..2), waiting only for
//          each restart command to return, as `for h in $hosts; do ssh $h systemctl restart ...` would.
//   spark-azure: the planned, gated roll (followers, leader, standby, handover, workers).
// Reported: total time; the floor (the sum of each node's restart-to-healthy time, from spark-azure's
// gated run); total over the floor; client write unavailability; seconds without an ALIVE master.
// Usage: npx tsx bench/rolling.ts
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectationsOf } from '../src/core/cluster/node-states.js';
import { allNodes, type ClusterTopology, masterAddress, topologyZooKeeperConnect } from '../src/core/cluster/topology.js';
import { MasterSet } from '../src/core/cluster/master-set.js';
import { silentLog } from '../src/core/log.js';
import { type RollingEntry, rollingFigures } from '../src/core/rolling/rolling-journal.js';
import { waitUntil } from '../src/core/wait.js';
import { LocalCluster } from '../src/local/local-cluster.js';
import { localUpdate } from '../src/local/local-update.js';
import { cliDirectories } from '../src/doors/cli-pipeline.js';
import { localPaths } from '../src/local/paths.js';
import { MasterPoller } from '../src/operations/master-poller.js';
import { runRollingUpdate } from '../src/operations/rolling-update.js';
import { SequencedWriter } from '../test/support/sequenced-writer.js';
import { readLocalClusterSecret } from '../src/local/local-cluster-secret.js';
// @ts-expect-error plain ES module shared by the benchmarks
import { machineLine, writeResult } from './results.mjs';

const CHANGE = { zookeeper_heap_mb: '300', spark_master_daemon_memory_mb: '600', spark_worker_daemon_memory_mb: '400' };

interface Result {
  readonly name: string;
  readonly totalSeconds: number;
  readonly noAliveSeconds: number;
  readonly writeOutageSeconds: number;
  readonly longestWriteOutageSeconds: number;
  readonly lostWrites: number;
  readonly floorSeconds?: number;
}

async function withCluster(
  run: (cluster: LocalCluster, topology: ClusterTopology) => Promise<Omit<Result, 'writeOutageSeconds' | 'longestWriteOutageSeconds' | 'lostWrites'>>,
): Promise<Result> {
  const cluster = new LocalCluster({ ...localPaths(cliDirectories()), clusterDir: mkdtempSync(path.join(os.tmpdir(), 'bench-rolling-')) }, silentLog);
  await cluster.up({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
  const topology = await cluster.topology();
  const connect = topologyZooKeeperConnect(topology);
  const writer = await SequencedWriter.start(connect, '/bench-writes', { clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) });
  try {
    const result = await run(cluster, topology);
    await writer.stop();
    return {
      ...result,
      writeOutageSeconds: sum(writer.outagesMs) / 1000,
      longestWriteOutageSeconds: Math.max(0, ...writer.outagesMs) / 1000,
      lostWrites: (await writer.missing(connect)).length,
    };
  } finally {
    await cluster.down();
  }
}

async function naiveRoll(cluster: LocalCluster, topology: ClusterTopology) {
  const entries: RollingEntry[] = [];
  const poller = new MasterPoller(new MasterSet(topology.masters.map(masterAddress)), (entry) => entries.push(entry), 100);
  await cluster.reconfigure(CHANGE);
  const started = Date.now();
  for (const node of allNodes(topology)) await cluster.nodeOperations().restart(node);
  const healthy = await waitUntil(
    () => cluster.describe(topology),
    (description) => description.healthy,
    { timeoutMs: 300_000, intervalMs: 250 },
  );
  await poller.stop();
  if (!healthy.satisfied) throw new Error(`the naive roll left the cluster unhealthy: ${healthy.last.problems.join('; ')}`);
  const figures = rollingFigures({ startedAt: started, finishedAt: Date.now(), method: 'naive', plan: [], entries });
  return { name: 'naive: inventory order, no gates', totalSeconds: figures.totalSeconds, noAliveSeconds: figures.noAliveSeconds };
}

async function sparkAzureRoll(cluster: LocalCluster, topology: ClusterTopology) {
  const operations = cluster.nodeOperations();
  const report = await runRollingUpdate({
    cluster: { topology, operations, expectations: expectationsOf(topology) },
    method: localUpdate(cluster, CHANGE, operations),
    options: { maxUnavailable: 1, gateTimeoutSeconds: 180, lockWaitSeconds: 10, pollIntervalMs: 100, clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) },
    log: silentLog,
  });
  if (report.halted) throw new Error(`spark-azure's roll halted: ${report.halted.reason}`);
  const figures = rollingFigures(report.journal);
  const firstStep = report.journal.entries.find((entry) => entry.kind === 'step')!.at;
  // Total from the first restart, as for the naive roll: both render the configuration first.
  return {
    name: 'spark-azure: planned and gated',
    totalSeconds: Math.round((report.journal.finishedAt! - firstStep) / 100) / 10,
    noAliveSeconds: figures.noAliveSeconds,
    floorSeconds: sum(figures.stepSeconds.map((step) => step.seconds)),
  };
}

function sum(values: readonly number[]): number {
  return Math.round(values.reduce((total, value) => total + value, 0) * 10) / 10;
}

const ours = await withCluster(sparkAzureRoll);
console.error(JSON.stringify(ours));
const naive = await withCluster(naiveRoll);
console.error(JSON.stringify(naive));
const floor = ours.floorSeconds!;
const row = (result: Result) =>
  `| ${result.name} | ${result.totalSeconds.toFixed(1)} | ${(result.totalSeconds - floor).toFixed(1)} | ${result.writeOutageSeconds.toFixed(1)} (longest ${result.longestWriteOutageSeconds.toFixed(1)}) | ${result.lostWrites} | ${result.noAliveSeconds.toFixed(1)} |`;
writeResult(
  'rolling.md',
  `# Rolling update on the local cluster

One run each, on a fresh 3 ZooKeeper + 2 master + 2 worker cluster, rolling the same change to every node
(\`${Object.entries(CHANGE)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ')}\`), while a client writes a
sequenced znode every 10 ms. Both use spark-azure's leader election and render the configuration first;
times count from the first restart.

- **naive**: restart every node in inventory order (zk1-3, master1-2, worker1-2), waiting only for each
  restart to return; then wait until the cluster is healthy.
- **spark-azure**: the planned roll: followers, the ZooKeeper leader, the standby, a planned handover of the
  ALIVE master, workers; each step gated on health.

**Floor**: the sum of each node's restart-to-healthy time in spark-azure's run (${floor.toFixed(1)} s): what
restarting the nodes one at a time costs at least. **Write unavailability**: total time the client's writes
failed.

Reproduce: \`npx tsx bench/rolling.ts\`

${machineLine()}

| roll | total (s) | over the floor (s) | write unavailability (s) | acknowledged writes lost | no ALIVE master (s) |
|---|---:|---:|---:|---:|---:|
${row(ours)}
${row(naive)}
`,
);
