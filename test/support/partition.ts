import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MasterSet } from '../../src/core/cluster/master-set.js';
import { type MasterNode, masterAddress, topologyZooKeeperConnect, zookeeperClientAddress } from '../../src/core/cluster/topology.js';
import type { MasterObservation } from '../../src/core/cluster/master-set.js';
import { silentLog } from '../../src/core/log.js';
import { DRILL_JOB_FILE, DRILL_JOB_SOURCE } from '../../src/core/spark/drill-job.js';
import { type ResultVerdict, checkResult } from '../../src/core/spark/submission-output.js';
import { waitUntil } from '../../src/core/wait.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { readLocalClusterSecret } from '../../src/local/local-cluster-secret.js';
import { drillJob } from '../../src/operations/failover-drill.js';
import { handOverLeadership } from '../../src/operations/leadership-handover.js';
import { MasterPoller } from '../../src/operations/master-poller.js';
import { startSparkJob } from '../../src/operations/spark-job.js';
import { ensureDebianPackages } from '../../src/tools/installers.js';
import { resolveSparkRuntime } from '../../src/tools/spark-runtime.js';

const PARTITION_GID = 4242;
const TABLE = 'spark_azure_partition';

export interface PartitionRun {
  readonly isolated: MasterNode;
  readonly zookeeperHosts: string;
  readonly samples: readonly { readonly at: number; readonly masters: readonly MasterObservation[] }[];
  readonly cutAt: number;
  readonly job: { readonly exitCode: number | null; readonly result: ResultVerdict };
  /** Longest runs, in seconds, of samples with two ALIVE masters, and with none. */
  readonly longestOverlapSeconds: number;
  readonly longestWithoutAliveSeconds: number;
  /** Seconds from the cut to the other master ALIVE, and to the cut-off one no longer ALIVE. */
  readonly otherAliveAfterSeconds?: number;
  readonly isolatedLeftAfterSeconds?: number;
}

const nft = (...args: string[]) => execFileSync('nft', args, { stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Cuts the ALIVE master of a running local cluster (2 masters) off from ZooKeeper, not from its workers or
 * clients, for `seconds`, while a job runs and every master's status is sampled every 100 ms. The master is
 * first made ALIVE under its own group id (restarted as standby in it, then handed leadership), and one
 * nftables rule drops what that group sends to the ZooKeeper addresses: its ZooKeeper connections leave
 * from 127.0.0.1 like everyone's, so no address rule could single it out. The rule is removed however this
 * ends; then it waits for the cluster to be healthy again. Needs root and nftables.
 */
export async function cutAliveMasterFromZooKeeper(cluster: LocalCluster, seconds: number): Promise<PartitionRun> {
  await ensureDebianPackages(['nftables'], () => existsSync('/usr/sbin/nft'), silentLog);
  const topology = await cluster.topology();
  const masters = new MasterSet(topology.masters.map(masterAddress), topology.masters[0]!.webUiPort);
  const aliveNode = async () => {
    const { alive } = await masters.waitForAlive(60_000);
    const node = topology.masters.find((master) => `${master.host}:${master.port}` === alive?.address);
    if (!node) throw new Error('no single ALIVE master');
    return node;
  };
  const statusOf = (node: MasterNode, states: Awaited<ReturnType<MasterSet['probe']>>) => states.find((state) => state.address === `${node.host}:${node.port}`);
  const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(topology), { clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) });
  const operations = cluster.nodeOperations();
  try {
    const first = await aliveNode();
    const isolated = topology.masters.find((master) => master !== first)!;
    await cluster.processes.stop(isolated);
    await cluster.processes.start(isolated, { gid: PARTITION_GID });
    await waitUntil(
      () => masters.probe(),
      (states) => statusOf(isolated, states)?.reachable === true && (statusOf(isolated, states) as { status: string }).status === 'STANDBY',
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const zookeepers = topology.zookeepers.map(zookeeperClientAddress);
    await handOverLeadership({ master: first, successors: [isolated], operations, zk, zookeepers, sparkZooKeeperDir: topology.sparkZooKeeperDir, log: silentLog });
    await operations.start(first);
    if ((await aliveNode()).name !== isolated.name) throw new Error(`${isolated.name} did not take over`);
    await waitUntil(
      () => masters.probe(),
      (states) => states.filter((state) => state.reachable && state.status === 'STANDBY').length === 1,
      { timeoutMs: 90_000, intervalMs: 250 },
    );

    const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolCache: cliDirectories().toolCache }, silentLog);
    const jobDir = mkdtempSync(path.join(os.tmpdir(), 'partition-job-'));
    writeFileSync(path.join(jobDir, DRILL_JOB_FILE), DRILL_JOB_SOURCE);
    const target = {
      masters: topology.masters.map(masterAddress),
      masterWebUiPort: topology.masters[0]!.webUiPort,
      aliveMasterTimeoutSeconds: 60,
      clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir),
    };
    const job = startSparkJob(target, drillJob(path.join(jobDir, DRILL_JOB_FILE), seconds + 40), runtime);
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
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    } finally {
      nft('delete', 'table', 'inet', TABLE);
    }
    const run = await job.result;
    await waitUntil(
      async () => (await cluster.describe(topology)).healthy,
      (healthy) => healthy,
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    await poller.stop();

    const longest = (test: (alive: number) => boolean) => {
      let best = 0;
      let since: number | undefined;
      for (const sample of samples) {
        if (test(sample.masters.filter((master) => master.status === 'ALIVE').length)) since ??= sample.at;
        else if (since !== undefined) {
          best = Math.max(best, sample.at - since);
          since = undefined;
        }
      }
      return best / 1000;
    };
    const other = topology.masters.find((master) => master !== isolated)!;
    const aliveIn = (node: MasterNode, sample: (typeof samples)[number]) =>
      sample.masters.some((master) => master.address === `${node.host}:${node.port}` && master.status === 'ALIVE');
    const after = (at: number | undefined) => (at === undefined ? undefined : (at - cutAt) / 1000);
    return {
      isolated,
      zookeeperHosts,
      samples,
      cutAt,
      job: { exitCode: run.exitCode, result: checkResult(run.stdout, { kind: 'pi' }) },
      longestOverlapSeconds: longest((alive) => alive > 1),
      longestWithoutAliveSeconds: longest((alive) => alive === 0),
      otherAliveAfterSeconds: after(samples.find((sample) => sample.at > cutAt && aliveIn(other, sample))?.at),
      isolatedLeftAfterSeconds: after(samples.find((sample) => sample.at > cutAt && !aliveIn(isolated, sample))?.at),
    };
  } finally {
    zk.close();
  }
}
