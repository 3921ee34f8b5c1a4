import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectationsOf } from '../../src/core/cluster/node-states.js';
import { type ClusterTopology, topologyMasterUrl, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import type { Log } from '../../src/core/log.js';
import type { RollingJournal } from '../../src/core/rolling/rolling-journal.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { localUpdate } from '../../src/local/local-update.js';
import { runRollingUpdate } from '../../src/operations/rolling-update.js';
import { mastersByStatus, theAliveMasterNode } from '../support/cluster-observations.js';
import { runGithubAction } from '../support/run-bundle.js';
import { SequencedWriter } from '../support/sequenced-writer.js';
import { startTestCluster } from '../support/test-cluster.js';
import { startLongJob } from '../support/long-job.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { httpGetJson } from '../../src/core/http-get-json.js';
import type { LocalMonitoring } from '../../src/local/local-monitoring.js';
import { readLocalClusterSecret } from '../../src/local/local-cluster-secret.js';

const CHANGE = { zookeeper_heap_mb: '300', spark_master_daemon_memory_mb: '600', spark_worker_daemon_memory_mb: '400' };
const HEAP_FLAG = { zookeeper: '-Xmx300m', master: '-Xmx600m', worker: '-Xmx400m' } as const;

/** The -Xmx of the JVM each node runs now: proof that the running process, not just a file, changed. */
function runningHeapFlags(cluster: LocalCluster, topology: ClusterTopology): Record<string, string | undefined> {
  const flags: Record<string, string | undefined> = {};
  for (const pid of cluster.processes.leftovers()) {
    const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const node = environ.find((entry) => entry.startsWith('SPARK_AZURE_NODE='))?.split('=')[1];
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (node && cmdline[0]?.endsWith('java') && cmdline.some((arg) => /Master$|Worker$|QuorumPeerMain$/.test(arg))) {
      flags[node] = cmdline.filter((arg) => arg.startsWith('-Xmx')).at(-1);
    }
  }
  return Object.fromEntries([...topology.zookeepers, ...topology.masters, ...topology.workers].map((node) => [node.name, flags[node.name]]));
}

// With monitoring and a webhook receiver of the test's own: a full roll must page nobody.
describe('rolling update on the real cluster', () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;
  let monitoring: LocalMonitoring;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    let up;
    ({ cluster, topology, up } = await startTestCluster({ zookeeperCount: 3, masterCount: 2, workerCount: 2 }, undefined, { monitoring: true, alertWebhook: webhook.url }));
    monitoring = up.monitoring!;
  });

  afterAll(async () => {
    await cluster?.down();
    await webhook?.close();
  });

  it('rolls every node in the safe order while writes and a long job go on, losing nothing', async () => {
    const zkLeaderBefore = (await cluster.describe(topology)).nodes.find((node) => node.state === 'leader')!.name;
    const aliveBefore = (await theAliveMasterNode(topology)).name;
    const writer = await SequencedWriter.start(topologyZooKeeperConnect(topology), '/rolling-update-test', { clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) });
    // It runs until the roll has ended, however slow the machine: a fixed length once ended before the roll did.
    const job = await startLongJob(cluster, topologyMasterUrl(topology), 20, { untilFile: true });
    let jobEndedAt = Number.POSITIVE_INFINITY;
    void job.result.then(() => (jobEndedAt = Date.now()));
    let run;
    try {
      run = await runGithubAction(
        'rolling-update',
        {
          masters: topologyMasterUrl(topology),
          roleVariables: Object.entries(CHANGE)
            .map(([k, v]) => `${k}=${v}`)
            .join('\n'),
        },
        { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
      );
    } finally {
      await writer.stop();
      if (run?.exitCode !== 0) job.kill();
    }
    const rollEndedAt = Date.now();
    job.end();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.completed).toBe('true');

    // Order: followers, the ZooKeeper leader, the standby master, the ALIVE master, workers.
    const report = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as { journal: RollingJournal };
    const order = report.journal.plan.map((step) => `${step.kind}:${step.nodes.join('+')}`);
    const followers = topology.zookeepers.map((node) => node.name).filter((name) => name !== zkLeaderBefore);
    const standby = topology.masters.map((node) => node.name).find((name) => name !== aliveBefore)!;
    expect(order).toEqual([
      ...followers.map((name) => `zookeeper-follower:${name}`),
      `zookeeper-leader:${zkLeaderBefore}`,
      `standby-master:${standby}`,
      `alive-master:${aliveBefore}`,
      'workers:worker1',
      'workers:worker2',
    ]);
    expect(run.outputs.rolledNodes).toBe([...followers, zkLeaderBefore, standby, aliveBefore, 'worker1', 'worker2'].join(','));

    expect(await writer.missing(topologyZooKeeperConnect(topology)), 'acknowledged writes lost').toEqual([]);
    expect(writer.acknowledged.length).toBeGreaterThan(100);

    const jobRun = await job.result;
    expect(jobEndedAt, 'the job ran across the whole roll').toBeGreaterThan(rollEndedAt);
    // Why a job failed is in its warnings and errors, not in its last lines (the context stopping).
    const trouble = jobRun.stderr.split('\n').filter((line) => / (WARN|ERROR) |Exception|Lost task|lost|DECOMMISSION/.test(line));
    expect(jobRun.exitCode, trouble.slice(0, 60).join('\n')).toBe(0);
    expect(jobRun.stdout).toMatch(/Pi is roughly 3\.1/);
    // Each worker decommissioned before its restart: the job lost no task to the roll.
    const lostTasks = jobRun.stderr.split('\n').filter((line) => /Lost task|lost|decommission/i.test(line));
    expect(jobRun.stdout, [...lostTasks, ...trouble].slice(0, 60).join('\n')).toMatch(/^Failed tasks: 0$/m);
    for (const worker of topology.workers) expect(readFileSync(cluster.logFile(worker), 'utf8'), worker.name).toMatch(/decommissioned: no executor left/);

    const byStatus = await mastersByStatus(topology);
    expect(byStatus.ALIVE).toHaveLength(1);
    expect(byStatus.STANDBY).toHaveLength(1);
    const heaps = runningHeapFlags(cluster, topology);
    for (const node of [...topology.zookeepers, ...topology.masters, ...topology.workers]) expect(heaps[node.name], node.name).toBe(HEAP_FLAG[node.role]);
    expect(run.summary).toContain('### Rolling update ✅ completed');

    // Paged nobody: no notification reached the webhook, and no rule is even pending now.
    expect(webhook.notifications).toEqual([]);
    const rules = (await httpGetJson(`${monitoring.prometheusUrl}/api/v1/alerts`, 2000)) as { data: { alerts: { labels: { alertname: string }; state: string }[] } };
    expect(rules.data.alerts.map((alert) => `${alert.labels.alertname} ${alert.state}`)).toEqual([]);
  }, 600_000);

  it('refuses an only that names no node of the cluster, touching nothing', async () => {
    const pidsBefore = (await cluster.status())!.nodes.map((node) => node.pid);
    const run = await runGithubAction('rolling-update', { masters: topologyMasterUrl(topology), only: 'worker1,worker9' }, { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Input 'only': expected names of this cluster's nodes \(zk1, zk2, zk3, master1, master2, worker1, worker2\), found worker9\. Use the node names/,
    );
    expect((await cluster.status())!.nodes.map((node) => node.pid)).toEqual(pidsBefore);
  });

  it('halts, touching no further node, when a second ZooKeeper server dies in the middle of the roll', async () => {
    const pidsBefore = Object.fromEntries((await cluster.status())!.nodes.map((node) => [node.name, node.pid]));
    const followers = (await cluster.describe(topology)).nodes.filter((node) => node.state === 'follower').map((node) => node.name);
    const [first, second] = followers.map((name) => topology.zookeepers.find((node) => node.name === name)!);
    let killed = false;
    // The fault: as soon as the roll starts on the first follower, the second follower crashes.
    const log: Log = {
      info: (message) => {
        if (!killed && message.startsWith('Step 1/')) {
          killed = true;
          void cluster.nodeOperations().kill(second!);
        }
      },
      warning: () => {},
      debug: () => {},
    };
    const report = await runRollingUpdate({
      cluster: { topology, operations: cluster.nodeOperations(), expectations: expectationsOf(topology) },
      method: localUpdate(cluster, { zookeeper_heap_mb: '320' }, cluster.nodeOperations()),
      options: { maxUnavailable: 1, gateTimeoutSeconds: 20, lockWaitSeconds: 5, pollIntervalMs: 100, clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) },
      log,
    });
    try {
      expect(killed).toBe(true);
      expect(report.halted?.step).toMatch(/^1\/ZooKeeper follower /);
      expect(report.halted?.reason).toMatch(new RegExp(`${second!.host}:2181 is unreachable`));
      expect(report.journal.entries.filter((entry) => entry.kind === 'step')).toHaveLength(1);
      const after = (await cluster.status())!.nodes;
      for (const node of after) {
        if (node.name === first!.name || node.name === second!.name) continue;
        expect(node.pid, `${node.name} was touched`).toBe(pidsBefore[node.name]);
      }
      expect(after.find((node) => node.name === second!.name)?.pid).toBeNull();
    } finally {
      await cluster.nodeOperations().start(second!);
    }
  });
});
