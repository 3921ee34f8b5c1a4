import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterTopology, topologyMasterUrl } from '../../src/core/cluster/topology.js';
import type { DrillJournal } from '../../src/core/drill/journal.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { MAINTENANCE_LOCK_PATH, MaintenanceLock } from '../../src/operations/maintenance-lock.js';
import { mastersByStatus, theAliveMasterNode } from '../support/cluster-observations.js';
import { ROOT, runAzureDevOpsTask, runGithubAction } from '../support/run-bundle.js';
import { startTestCluster } from '../support/test-cluster.js';
import { type Notification, notifiedAlerts, startWebhookReceiver } from '../support/webhook-receiver.js';
import { httpGetJson } from '../../src/core/http-get-json.js';
import type { LocalMonitoring } from '../../src/local/local-monitoring.js';
import { openClusterSession } from '../support/cluster-zookeeper.js';

/** Processes whose command line contains `text`. */
function processesRunning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

// The cluster runs with its monitoring (Prometheus, Alertmanager, the blackbox exporter) and a webhook
// receiver of the test's own: the drill proves the pager, and the receiver sees what a user's hook would.
describe('the failover drill (smoke-test action with failover) on the real cluster', () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;
  let monitoring: LocalMonitoring;
  let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const notificationsSince = (at: number): Notification[] => webhook.notifications.filter((notification) => notification.receivedAt >= at);

  const drill = (inputs: Record<string, string>) =>
    runGithubAction(
      'smoke-test',
      { masters: topologyMasterUrl(topology), failover: 'true', jobSeconds: '20', graceSeconds: '3', alertmanagerUrl: monitoring.alertmanagerUrl, ...inputs },
      { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
    );
  const journalOf = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as DrillJournal & { verdict: { passed: boolean } };
  const checksOf = (journal: DrillJournal) => Object.fromEntries(journal.entries.flatMap((entry) => (entry.kind === 'check' ? [[entry.check, entry.ok]] : [])));

  beforeAll(async () => {
    webhook = await startWebhookReceiver();
    let up;
    // spark.worker.timeout 20 s instead of 60 s: after the interrupted drill (last) the new master waits that
    // long in RECOVERING for the driver the interrupt stopped; that test is about the cleanup, not that wait.
    ({ cluster, topology, up } = await startTestCluster(
      { zookeeperCount: 3, masterCount: 2, workerCount: 2 },
      { spark_master_worker_timeout_s: '20' },
      { monitoring: true, alertWebhook: webhook.url },
    ));
    monitoring = up.monitoring!;
  });

  afterAll(async () => {
    await cluster?.down();
    await webhook?.close();
  });

  it('Prometheus scrapes every node: each ZooKeeper server, master and worker, and each master’s status', async () => {
    const answer = (await httpGetJson(`${monitoring.prometheusUrl}/api/v1/targets?state=active`, 2000)) as {
      data: { activeTargets: { labels: { job: string; instance: string }; health: string }[] };
    };
    const up = answer.data.activeTargets.filter((target) => target.health === 'up').map((target) => `${target.labels.job} ${target.labels.instance}`);
    expect(up.sort()).toEqual(
      [
        ...topology.zookeepers.map((node) => `zookeeper ${node.host}:7000`),
        ...topology.masters.flatMap((node) => [`spark-master ${node.host}:8080`, `spark-applications ${node.host}:8080`, `spark-master-status http://${node.host}:8080/json/`]),
        ...topology.workers.map((node) => `spark-worker ${node.host}:8081`),
      ].sort(),
    );
  });

  const expectHealthyAfterwards = async () => {
    const byStatus = await mastersByStatus(topology);
    expect(byStatus.ALIVE).toHaveLength(1);
    expect(byStatus.STANDBY).toHaveLength(1);
  };

  it("every query of the Grafana dashboard returns data from this cluster's Prometheus", async () => {
    const dashboard = JSON.parse(readFileSync(path.join(ROOT, 'infra', 'monitoring', 'grafana', 'dashboards', 'spark-azure-cluster.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const empty: string[] = [];
    for (const panel of dashboard.panels) {
      for (const { expr } of panel.targets) {
        // Grafana's "All" for the cluster variable, as a regular expression.
        const query = encodeURIComponent(expr.replace(/\$cluster/g, '.*'));
        const answer = (await httpGetJson(`${monitoring.prometheusUrl}/api/v1/query?query=${query}`, 2000)) as { data: { result: unknown[] } };
        if (answer.data.result.length === 0) empty.push(`${panel.title}: ${expr}`);
      }
    }
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    expect(empty).toEqual([]);
  });

  it('passes a hard kill of the ALIVE master: the job survives, the master rejoins as STANDBY', async () => {
    const killed = await theAliveMasterNode(topology);
    const started = Date.now();
    const run = await drill({ fault: 'kill' });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.failoverPassed).toBe('true');
    expect(Number(run.outputs.recoverySeconds)).toBeGreaterThan(0);
    const journal = journalOf(run.outputs.drillJournal!);
    expect(journal.experiment.faultedMaster).toBe(`${killed.host}:${killed.port}`);
    expect(checksOf(journal)).toEqual({
      'job running before the fault': true,
      'a standby took over with every worker': true,
      'restored master is STANDBY': true,
      'the running job finished successfully': true,
      'a new submission succeeds': true,
      'the pager fired for no ALIVE master': true,
      'the page resolved after the takeover': true,
    });
    // The pager, as journaled from Alertmanager and as the webhook receiver got it: fired, then resolved.
    const alerts = journal.entries.flatMap((entry) => (entry.kind === 'alert' ? [`${entry.alert} ${entry.state}`] : []));
    expect(alerts).toEqual(['SparkNoAliveMaster firing', 'SparkNoAliveMaster resolved']);
    expect(notifiedAlerts(notificationsSince(started), 'firing')).toEqual(['SparkNoAliveMaster']);
    expect(notifiedAlerts(notificationsSince(started), 'resolved')).toEqual(['SparkNoAliveMaster']);
    expect(run.summary).toContain('### Failover drill ✅ passed');
    expect(run.summary).toContain('```mermaid');
    expect((await theAliveMasterNode(topology)).name).not.toBe(killed.name);
    await expectHealthyAfterwards();
  });

  // Through the Azure DevOps task, installed as the agent installs it: the drill is the same code behind each
  // door, so one drill per door is enough, and this one proves the task's output variables.
  it('passes a planned handover, run by the installed Azure DevOps task: the leader paused, its latch node removed, and stopped once the standby leads', async () => {
    const started = Date.now();
    const run = await runAzureDevOpsTask(
      'smoke-test',
      { masters: topologyMasterUrl(topology), failover: 'true', fault: 'stop', jobSeconds: '20', graceSeconds: '3', alertmanagerUrl: monitoring.alertmanagerUrl },
      { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.failoverPassed).toBe('true');
    expect(run.stdout).toContain('##vso[task.complete result=Succeeded');
    const journal = journalOf(run.outputs.drillJournal!);
    expect(checksOf(journal)).toMatchObject({ 'a handover at once (planned, or a crash with the host alive) paged nobody': true });
    expect(notificationsSince(started)).toEqual([]);
    const applied = journal.entries.find((entry) => entry.kind === 'action' && entry.action === 'fault applied');
    expect(applied).toMatchObject({
      detail: expect.stringMatching(/^stop (master\d): \1 paused, its latch node removed; 127\.0\.0\.2\d:7077 ALIVE after \d+ ms, then \1 stopped$/),
    });
    expect(journal.verdict.passed).toBe(true);
    await expectHealthyAfterwards();
  });

  it('refuses when a master is already down, touching no node and submitting nothing', async () => {
    const standby = (await mastersByStatus(topology)).STANDBY![0]!;
    await cluster.nodeOperations().stop(standby);
    try {
      const before = (await cluster.status())!;
      const alive = before.state.masters.find((master) => master.reachable && master.status === 'ALIVE');
      const appsBefore = alive?.reachable ? alive.completedApps.length : -1;
      const run = await drill({ fault: 'kill' });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(`::error::Failover drill steady state: expected .* found Spark master ${standby.host}:7077 is unreachable .*The drill touched nothing`),
      );
      const after = (await cluster.status())!;
      expect(after.nodes.map((node) => node.pid)).toEqual(before.nodes.map((node) => node.pid));
      const aliveAfter = after.state.masters.find((master) => master.reachable && master.status === 'ALIVE');
      expect(aliveAfter?.reachable ? aliveAfter.completedApps.length : -2).toBe(appsBefore);
    } finally {
      await cluster.nodeOperations().start(standby);
      await expect.poll(async () => (await mastersByStatus(topology)).STANDBY?.length ?? 0, { timeout: 60_000, interval: 250 }).toBe(1);
    }
  });

  it('waits for the maintenance lock, names its holder, and never faults; the lock dies with its session', async () => {
    const holder = await openClusterSession(cluster, topology);
    const aliveBefore = (await theAliveMasterNode(topology)).name;
    try {
      await MaintenanceLock.acquire(holder, 'rolling update (test)', { waitMs: 0 });
      const run = await drill({ fault: 'kill', lockWaitSeconds: '1' });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/::error::Maintenance lock: expected to be free within 1 s, found held by rolling update \(test\) on /);
      expect((await theAliveMasterNode(topology)).name).toBe(aliveBefore);
    } finally {
      holder.close();
    }
    const observer = await openClusterSession(cluster, topology);
    try {
      await expect.poll(() => observer.stat(MAINTENANCE_LOCK_PATH), { timeout: 15_000, interval: 200 }).toBeUndefined();
    } finally {
      observer.close();
    }
  });

  // Ctrl-C (or a runner's cancel) in the middle of a drill: the running job is stopped, the master the drill
  // killed is restored, the maintenance lock released, and the run says it was interrupted and exits non-zero.
  // Last: it leaves the cluster without an ALIVE master for a while, and the pager fired.
  it('interrupted, restores the killed master, releases the lock, leaves no job running, and exits non-zero', async () => {
    const interrupted = spawn(process.execPath, ['dist/cli.cjs', 'failover-drill', '--masters', topologyMasterUrl(topology), '--fault', 'kill', '--job-seconds', '120'], {
      cwd: ROOT,
      env: { ...process.env, SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    interrupted.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/Fault 'kill' on master\d/.test(stderr) && interrupted.exitCode === null && !interrupted.killed) interrupted.kill('SIGINT');
    });
    const exitCode = await new Promise<number | null>((resolve) => interrupted.on('close', resolve));
    expect(stderr).toMatch(/Fault 'kill' on master\d/);
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/Interrupted by SIGINT: passed it on to \d+ running tool processes; cleaning up/);
    expect(stderr).toMatch(/ok: restored master is STANDBY: master\d rejoined as STANDBY/);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^error: spark-azure: expected to run to its end, found it interrupted by SIGINT\./);
    expect(processesRunning('spark_azure_drill_job.py')).toEqual([]);
    // Interrupted right after the kill, before the standby took over: with the killed master back as
    // STANDBY, one of them leads once the dead session expires (6 s), as after any crash. It stays
    // RECOVERING until every application answers or spark.worker.timeout (20 s here) passes: the drill job's
    // driver, stopped by the interrupt, never answers (measured with 60 s: RECOVERING for 60 s, then ALIVE).
    await expect
      .poll(
        async () => {
          const byStatus = await mastersByStatus(topology);
          return [byStatus.ALIVE?.length, byStatus.STANDBY?.length];
        },
        { timeout: 50_000, interval: 250 },
      )
      .toEqual([1, 1]);
    const zk = await openClusterSession(cluster, topology);
    try {
      expect(await zk.stat(MAINTENANCE_LOCK_PATH)).toBeUndefined();
    } finally {
      zk.close();
    }
  });
});
