import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import { nodeAddress, probeAddressesOf } from '../../src/core/cluster/node-states.js';
import { type ClusterTopology, type ZooKeeperNode, topologyZooKeeperConnect, zookeeperClientAddress } from '../../src/core/cluster/topology.js';
import { probeCluster } from '../../src/core/cluster/cluster-probe.js';
import { sendFourLetterWord } from '../../src/core/zookeeper/four-letter-word.js';
import { parseCons } from '../../src/core/zookeeper/zookeeper-replies.js';
import { inLineOrder, leaderElectionPath } from '../../src/core/spark/leader-latch.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { readLeaderLatch } from '../../src/core/spark/read-leader-latch.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { theAliveMasterNode, zookeeperLeaderNode } from '../support/cluster-observations.js';
import { recordMasterStatuses } from '../support/status-recorder.js';
import { startTestCluster } from '../support/test-cluster.js';

const restart = (cluster: LocalCluster, node: ZooKeeperNode) => cluster.nodeOperations().restart(node);
const waitHealthy = (cluster: LocalCluster, topology: ClusterTopology) =>
  expect.poll(async () => (await cluster.describe(topology)).healthy, { timeout: 60_000, interval: 250 }).toBe(true);

describe('a restarted ZooKeeper server and the ALIVE Spark master', () => {
  let cluster: LocalCluster | undefined;

  afterEach(async () => {
    await cluster?.down();
    cluster = undefined;
  });

  it("with Spark's own election, the ALIVE master exits with status 0 when the ZooKeeper leader restarts, and is restarted", async () => {
    const started = await startTestCluster({ zookeeperCount: 3, masterCount: 2, workerCount: 2 }, { spark_master_leader_election: 'spark', spark_authenticate: 'false' });
    cluster = started.cluster;
    const { topology } = started;
    const alive = await theAliveMasterNode(topology);
    const leader = await zookeeperLeaderNode(topology);
    const { samples } = await recordMasterStatuses(topology, () => restart(cluster!, leader));
    expect(
      samples.some((sample) => !sample.includes('ALIVE')),
      'a moment without an ALIVE master',
    ).toBe(true);
    await waitHealthy(cluster, topology);
    const log = readFileSync(cluster.logFile(alive), 'utf8');
    expect(log).toMatch(/Leadership has been revoked -- master shutting down|We have lost leadership/);
    expect(log).toMatch(/run-spark-master exited with status 0; restarting in 1 s/);
  });
});
