import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALE_CHECKS, type ScaleJournal } from '../../src/core/drill/scale-journal.js';
import { nodeDir } from '../../src/local/paths.js';
import { runGithubAction } from '../support/run-bundle.js';
import { zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import type { LocalCluster, UpResult } from '../../src/local/local-cluster.js';
import { startTestCluster } from '../support/test-cluster.js';
import { allNodes, topologyMasterUrl } from '../../src/core/cluster/topology.js';
import { MaintenanceLock } from '../../src/operations/maintenance-lock.js';
import { openClusterSession } from '../support/cluster-zookeeper.js';

// Also the elastic workers' cluster: every node booted from its custom data, as an Azure VM boots, and workers
// that join, leave and are reimaged with a job running. Sharing this cluster saves a cluster start per file.
describe('a larger local cluster: 5 ZooKeeper servers, 3 masters, 3 workers', () => {
  let cluster: LocalCluster;
  let up: UpResult;

  beforeAll(async () => {
    ({ cluster, up } = await startTestCluster({ zookeeperCount: 5, masterCount: 3, workerCount: 3 }));
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('comes up healthy with every follower in sync and one ALIVE master of three', () => {
    const { description } = up;
    expect(description.healthy, description.problems.join('; ')).toBe(true);
    expect(zookeeperLeader(description.state)).toMatchObject({ syncedFollowers: 4, pendingSyncs: 0 });
    expect(
      description.nodes
        .filter((node) => node.role === 'master')
        .map((node) => node.state)
        .sort(),
    ).toEqual(['ALIVE', 'STANDBY', 'STANDBY']);
    expect(description.nodes.filter((node) => node.role === 'worker').map((node) => node.address)).toEqual(['127.0.0.31:8081', '127.0.0.32:8081', '127.0.0.33:8081']);
    expect(description.masterUrl).toBe('spark://127.0.0.21:7077,127.0.0.22:7077,127.0.0.23:7077');
  });

  it('stops and kills single nodes, and starts them again', async () => {
    const topology = await cluster.topology();
    const operations = cluster.nodeOperations();
    const worker = topology.workers[2]!;
    await operations.kill(worker);
    expect(cluster.processes.pid(worker)).toBeUndefined();
    const zk = topology.zookeepers[0]!;
    await operations.stop(zk);
    expect(cluster.processes.pid(zk)).toBeUndefined();
    expect((await cluster.describe(topology)).nodes.find((node) => node.name === zk.name)?.state).toBe('down');
    await operations.start(worker);
    await operations.restart(zk);
    await expect.poll(async () => (await cluster.describe(topology)).healthy, { timeout: 60_000, interval: 500 }).toBe(true);
  });

  // spark-azure's own ZooKeeper session: it needs any running ensemble, so it runs here rather than pay a
  // cluster start of its own. A rolling update once hung on a request the client library had queued on an
  // expired session.
  it("spark-azure's ZooKeeper session outlives its expiry: calls answer on a new session, and the lock is taken again", async () => {
    const zk = await openClusterSession(cluster, await cluster.topology());
    try {
      const lock = await MaintenanceLock.acquire(zk, 'session test', { waitMs: 0, path: '/spark-azure-test/lock' });
      const before = await zk.sessionId();
      // Freeze this process for longer than the 6 s session, as a long GC pause would: no heartbeat reaches
      // the ensemble, which expires the session. (Stopping the whole ensemble would not: a restarted leader
      // revives the sessions in its log.)
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 9000);
      await expect
        .poll(
          () =>
            zk
              .stat('/spark-azure-test')
              .then((stat) => stat !== undefined)
              .catch(() => false),
          { timeout: 60_000, interval: 500 },
        )
        .toBe(true);
      expect(await zk.sessionId()).not.toBe(before);
      expect(await zk.stat('/spark-azure-test/lock'), 'the ephemeral lock died with the old session').toBeUndefined();
      await lock.ensureHeld('session test');
      expect((await zk.stat('/spark-azure-test/lock'))?.ephemeralOwner).toBe(await zk.sessionId());
      await lock.release();
      expect(await zk.stat('/spark-azure-test/lock')).toBeUndefined();
    } finally {
      zk.close();
    }
  });

  const env = () => ({ SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir });
  const nodeFile = (node: string, file: string) => path.join(nodeDir(cluster.paths.clusterDir, node), file);

  it('booted every node from custom data the node-boot module rendered, workers from one document they share', async () => {
    const topology = await cluster.topology();
    for (const node of allNodes(topology)) {
      expect(existsSync(nodeFile(node.name, 'var/lib/spark-azure/booted.json')), node.name).toBe(true);
      expect(readFileSync(nodeFile(node.name, 'var/lib/cloud/instance/user-data.txt'), 'utf8')).toMatch(/^#cloud-config\n/);
    }
    const workerData = topology.workers.map((worker) => readFileSync(nodeFile(worker.name, 'var/lib/cloud/instance/user-data.txt'), 'utf8'));
    expect(new Set(workerData).size).toBe(1);
    expect(JSON.parse(readFileSync(nodeFile('worker1', 'etc/spark-azure/node.json'), 'utf8'))).toMatchObject({ role: 'worker', node: null, zookeepers: [] });
  });

  it('the scale drill: workers 3 → 5 → 3 with a job running; the new ones boot from the custom data alone, take executors, and no task fails', async () => {
    const topology = await cluster.topology();
    const run = await runGithubAction('smoke-test', { masters: topologyMasterUrl(topology), failover: 'true', fault: 'scale', jobSeconds: '10' }, env());
    expect(run.exitCode, run.stdout.slice(-3000) + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ failoverPassed: 'true', failedTasks: '0' });
    expect(Number(run.outputs.scaleOutSeconds)).toBeGreaterThan(0);
    const journal = JSON.parse(readFileSync(run.outputs.drillJournal!, 'utf8')) as ScaleJournal;
    expect(journal.entries.filter((entry) => entry.kind === 'check').map((entry) => [entry.check, entry.ok])).toEqual(Object.values(SCALE_CHECKS).map((check) => [check, true]));
    expect(run.stdout).toMatch(/the job's executors ran 127\.0\.0\.34 \d+ tasks, 127\.0\.0\.35 \d+ tasks/);
    expect(run.summary).toContain('| failed tasks | 0 |');
    expect((await cluster.topology()).workers.map((worker) => worker.name)).toEqual(['worker1', 'worker2', 'worker3']);
    expect(existsSync(nodeDir(cluster.paths.clusterDir, 'worker4'))).toBe(false);
  });

  it('a worker wiped by a reimage boots again from its custom data alone and rejoins', async () => {
    const topology = await cluster.topology();
    const worker = topology.workers[1]!;
    const pidBefore = cluster.processes.pid(worker);
    // A file on the old disk: a reimage must not keep it.
    const leftOnDisk = nodeFile(worker.name, 'var/lib/spark-azure/left-on-the-old-disk');
    writeFileSync(leftOnDisk, '');
    const { seconds } = await cluster.reimage(worker);
    expect(seconds).toBeGreaterThan(0);
    expect(cluster.processes.pid(worker)).not.toBe(pidBefore);
    expect(existsSync(leftOnDisk)).toBe(false);
    expect(existsSync(nodeFile(worker.name, 'var/lib/spark-azure/booted.json'))).toBe(true);
    expect((await cluster.describe(topology)).healthy).toBe(true);
  });
});
