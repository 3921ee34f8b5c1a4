import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterTopology, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { MaintenanceLock } from '../../src/operations/maintenance-lock.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { startTestCluster } from '../support/test-cluster.js';

// A rolling update once hung on a request the client library had queued on an expired session.
describe("spark-azure's own ZooKeeper session", () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;

  beforeAll(async () => {
    ({ cluster, topology } = await startTestCluster({ zookeepers: 3, masters: 2, workers: 1 }));
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('outlives an expired session: calls answer on a new session, and the lock is taken again', async () => {
    const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(topology));
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
