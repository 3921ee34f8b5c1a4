import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import type { LocalCluster, UpResult } from '../../src/local/local-cluster.js';
import { startTestCluster } from '../support/test-cluster.js';
import { topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import { MaintenanceLock } from '../../src/operations/maintenance-lock.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';

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
    const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(await cluster.topology()));
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
});
