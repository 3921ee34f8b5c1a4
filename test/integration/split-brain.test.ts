import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { cutAliveMasterFromZooKeeper } from '../support/partition.js';
import { startTestCluster } from '../support/test-cluster.js';

// The ALIVE master cut off from ZooKeeper but not from its workers and clients: the ensemble hands the
// lead to the other master, and the cut-off one must have given it up by then (docs/failover.md).
describe('split brain, on the real cluster', () => {
  let cluster: LocalCluster;

  beforeAll(async () => {
    ({ cluster } = await startTestCluster({ zookeeperCount: 3, masterCount: 2, workerCount: 2 }));
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('never has two masters ALIVE together; the other takes over and a running job finishes', async () => {
    const run = await cutAliveMasterFromZooKeeper(cluster, 20);
    expect(run.samples.length).toBeGreaterThan(150);
    expect(run.longestOverlapSeconds).toBe(0);
    expect(run.samples.filter((sample) => sample.masters.filter((master) => master.status === 'ALIVE').length > 1)).toEqual([]);
    expect(run.otherAliveAfterSeconds).toBeDefined();
    expect(run.isolatedLeftAfterSeconds!).toBeLessThanOrEqual(run.otherAliveAfterSeconds!);
    expect(run.job.exitCode).toBe(0);
    expect(run.job.result.ok).toBe(true);
  });
});
