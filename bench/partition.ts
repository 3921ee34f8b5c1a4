// Split brain: the ALIVE master cut off from ZooKeeper (not from its workers or clients) on the local
// cluster. Every master's status every 100 ms; reported: the longest time two masters were ALIVE together,
// the time with none, and whether a job running across it finished.
//
// The cut: the ALIVE master runs under its own group id, and one nftables rule drops what that group sends
// to the ZooKeeper addresses (its ZooKeeper connections leave from 127.0.0.1 like everyone's, so an address
// rule could not single it out). The rule is removed however the run ends. Needs root and nftables.
// Usage: npx tsx bench/partition.ts [seconds cut off, default 25]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ClusterTopology, type MasterNode, masterAddress, topologyZooKeeperConnect, zookeeperClientAddress } from '../src/core/cluster/topology.js';
import { MasterSet } from '../src/core/cluster/master-set.js';
import type { MasterObservation } from '../src/core/drill/journal.js';
import { silentLog } from '../src/core/log.js';
import { checkResult } from '../src/core/spark/submission-output.js';
import { waitUntil } from '../src/core/wait.js';
import { ZooKeeperSession } from '../src/core/zookeeper/zookeeper-session.js';
import { cliDirectories } from '../src/doors/cli-pipeline.js';
import { LocalCluster } from '../src/local/local-cluster.js';
import { localPaths } from '../src/local/paths.js';
import { drillJob } from '../src/operations/failover-drill.js';
import { handOverLeadership } from '../src/operations/leadership-handover.js';
import { MasterPoller } from '../src/operations/master-poller.js';
import { startSparkJob } from '../src/operations/spark-job.js';
import { resolveSparkRuntime } from '../src/tools/spark-runtime.js';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../src/core/spark/drill-job.js';
import { writeFileSync } from 'node:fs';
// @ts-expect-error plain ES module shared by the benchmarks
import { machineLine, writeResult } from './results.mjs';

const PARTITION_GID = 4242;
const TABLE = 'spark_azure_partition';
const cutSeconds = Number(process.argv[2] ?? 25);

const nft = (...args: string[]) => execFileSync('nft', args, { stdio: ['ignore', 'pipe', 'pipe'] });

async function aliveMasterOf(masters: MasterSet, topology: ClusterTopology): Promise<MasterNode> {
  const result = await masters.waitForAlive(60_000);
  const node = topology.masters.find((master) => `${master.host}:${master.port}` === result.alive?.address);
  if (!node) throw new Error('no single ALIVE master');
  return node;
}

async function main(): Promise<void> {
  const cluster = new LocalCluster({ ...localPaths(cliDirectories()), clusterDir: mkdtempSync(path.join(os.tmpdir(), 'bench-partition-')) }, silentLog);
  await cluster.up({ zookeepers: 3, masters: 2, workers: 2 });
  const topology = await cluster.topology();
  const masters = new MasterSet(topology.masters.map(masterAddress), topology.masters[0]!.webUiPort);
  const zookeepers = topology.zookeepers.map(zookeeperClientAddress);
  const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(topology));
  const operations = cluster.nodeOperations();
  const handOver = (master: MasterNode) => handOverLeadership({ master, operations, zk, zookeepers, sparkZooKeeperDir: topology.sparkZooKeeperDir, log: silentLog });
  try {
    // Make one master ALIVE under the partition group: restart the standby in it, then hand over to it.
    const first = await aliveMasterOf(masters, topology);
    const isolated = topology.masters.find((master) => master !== first)!;
    await cluster.processes.stop(isolated);
    await cluster.processes.start(isolated, { gid: PARTITION_GID });
    await waitUntil(
      () => masters.probe(),
      (states) => states.some((state) => state.address.startsWith(isolated.host) && state.reachable && state.status === 'STANDBY'),
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    await handOver(first);
    await operations.start(first);
    if ((await aliveMasterOf(masters, topology)).name !== isolated.name) throw new Error(`${isolated.name} did not take over`);
    await waitUntil(
      () => masters.probe(),
      (states) => states.filter((state) => state.reachable && state.status === 'STANDBY').length === 1,
      { timeoutMs: 90_000, intervalMs: 250 },
    );

    // A job running across the cut, and every master's status every 100 ms.
    const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolCache: cliDirectories().toolCache }, silentLog);
    const jobDir = mkdtempSync(path.join(os.tmpdir(), 'bench-partition-job-'));
    writeFileSync(path.join(jobDir, DRILL_JOB_FILE), DRILL_JOB_SOURCE);
    const target = { masters: topology.masters.map(masterAddress), masterWebUiPort: topology.masters[0]!.webUiPort, aliveMasterTimeoutSeconds: 60 };
    const job = startSparkJob(target, drillJob(path.join(jobDir, DRILL_JOB_FILE), cutSeconds + 40), runtime);
    await waitUntil(
      () => masters.probe(),
      (states) => states.some((state) => state.reachable && state.activeApps.some((app) => app.state === 'RUNNING')),
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const samples: { at: number; masters: readonly MasterObservation[] }[] = [];
    const poller = new MasterPoller(masters, (entry) => samples.push(entry), 100);

    const zookeeperHosts = topology.zookeepers.map((node) => node.host).join(', ');
    const cutAt = Date.now();
    nft('add', 'table', 'inet', TABLE);
    try {
      nft('add', 'chain', 'inet', TABLE, 'out', '{ type filter hook output priority 0; }');
      nft('add', 'rule', 'inet', TABLE, 'out', 'meta', 'skgid', String(PARTITION_GID), 'ip', 'daddr', `{ ${zookeeperHosts} }`, 'drop');
      await new Promise((resolve) => setTimeout(resolve, cutSeconds * 1000));
    } finally {
      nft('delete', 'table', 'inet', TABLE);
    }
    const healedAt = Date.now();
    const run = await job.result;
    await waitUntil(
      async () => (await cluster.describe(topology)).healthy,
      (healthy) => healthy,
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    await poller.stop();

    // Figures from the samples: runs of two ALIVE masters, and of none.
    const longest = (test: (alive: number) => boolean) => {
      let best = 0;
      let since: number | undefined;
      for (const sample of samples) {
        const alive = sample.masters.filter((master) => master.status === 'ALIVE').length;
        if (test(alive)) since ??= sample.at;
        else if (since !== undefined) {
          best = Math.max(best, sample.at - since);
          since = undefined;
        }
      }
      return best / 1000;
    };
    const firstOtherAlive = samples.find(
      (sample) =>
        sample.at > cutAt && sample.masters.some((master) => master.address.startsWith(`${topology.masters.find((m) => m !== isolated)!.host}:`) && master.status === 'ALIVE'),
    )?.at;
    const isolatedLeft = samples.find(
      (sample) => sample.at > cutAt && !sample.masters.some((master) => master.address.startsWith(`${isolated.host}:`) && master.status === 'ALIVE'),
    )?.at;
    const seconds = (at: number | undefined) => (at === undefined ? 'never' : `${((at - cutAt) / 1000).toFixed(1)} s`);
    const result = checkResult(run.stdout, { kind: 'pi' });
    writeResult(
      'partition.md',
      `# Split brain: the ALIVE master cut off from ZooKeeper

${machineLine()}

Reproduce: \`npx tsx bench/partition.ts ${cutSeconds}\` (root and nftables). The ALIVE master (${isolated.name}) runs under its own
group; one nftables rule drops what it sends to ZooKeeper (${zookeeperHosts}) for ${cutSeconds} s. Workers and clients still
reach it. ZooKeeper sessions are clamped to 6 s; the election plugin gives up leadership when Curator declares
the session LOST. Statuses every 100 ms (${samples.length} samples).

| figure | value |
|---|---|
| longest time with two ALIVE masters | ${longest((alive) => alive > 1).toFixed(1)} s |
| longest time with no ALIVE master | ${longest((alive) => alive === 0).toFixed(1)} s |
| cut to the other master ALIVE | ${seconds(firstOtherAlive)} |
| cut to ${isolated.name} no longer ALIVE | ${seconds(isolatedLeft)} |
| job running across the cut | exit ${run.exitCode}, ${result.ok ? result.reason : `FAILED: ${result.reason}`} |
| cluster healthy again | ${((Date.now() - healedAt) / 1000).toFixed(0)} s after the rule went (at most) |
`,
    );
  } finally {
    zk.close();
    await cluster.down();
  }
}

await main();
