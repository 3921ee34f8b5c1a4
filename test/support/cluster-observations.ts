import { aliveMasters, zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import { type ClusterTopology, type MasterNode, type ZooKeeperNode, masterAddress, topologyZooKeeperConnect, zookeeperClientAddress } from '../../src/core/cluster/topology.js';
import { nodeAddress, probeAddressesOf } from '../../src/core/cluster/node-states.js';
import { inLineOrder, leaderElectionPath } from '../../src/core/spark/leader-latch.js';
import { readLeaderLatch } from '../../src/core/spark/read-leader-latch.js';
import { parseCons, parseMntr } from '../../src/core/zookeeper/zookeeper-replies.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { formatHostPort } from '../../src/core/inputs/host-port.js';
import { probeCluster } from '../../src/core/cluster/cluster-probe.js';
import { sendFourLetterWord } from '../../src/core/zookeeper/four-letter-word.js';

/** Reads a test needs while it acts on the real cluster. */
export async function mastersByStatus(topology: ClusterTopology): Promise<Record<string, MasterNode[]>> {
  const state = await probeCluster(probeAddressesOf(topology), 1000);
  const byStatus: Record<string, MasterNode[]> = {};
  for (const master of topology.masters) {
    const seen = state.masters.find((candidate) => candidate.address === formatHostPort(masterAddress(master)));
    const status = seen?.reachable ? seen.status : 'DOWN';
    (byStatus[status] ??= []).push(master);
  }
  return byStatus;
}

export async function theAliveMasterNode(topology: ClusterTopology): Promise<MasterNode> {
  const alive = (await mastersByStatus(topology)).ALIVE ?? [];
  if (alive.length !== 1) throw new Error(`expected one ALIVE master, found ${alive.length}`);
  return alive[0]!;
}

export async function aliveCount(topology: ClusterTopology): Promise<number> {
  return aliveMasters(await probeCluster(probeAddressesOf(topology), 1000)).length;
}

/** `zk_global_sessions` on the ZooKeeper leader: sessions held, connected or waiting to expire. */
export async function globalSessions(topology: ClusterTopology): Promise<number> {
  const leader = zookeeperLeader(await probeCluster(probeAddressesOf(topology), 1000));
  if (!leader) throw new Error('no ZooKeeper leader');
  const [host, port] = leader.address.split(':');
  const mntr = parseMntr(await sendFourLetterWord({ host: host!, port: Number(port) }, 'mntr', 2000));
  return mntr.globalSessions!;
}

export async function zookeeperLeaderNode(topology: ClusterTopology): Promise<ZooKeeperNode> {
  const leader = zookeeperLeader(await probeCluster(probeAddressesOf(topology)));
  return topology.zookeepers.find((node) => nodeAddress(node) === leader?.address)!;
}

/** The ZooKeeper server that holds the ALIVE master's leader-election session (read with the cluster's secret, if closed). */
export async function serverOfAliveMaster(topology: ClusterTopology, clusterSecret: string | undefined): Promise<ZooKeeperNode> {
  const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(topology), { clusterSecret });
  try {
    const owner = inLineOrder(await readLeaderLatch(zk, leaderElectionPath(topology.sparkZooKeeperDir)))[0]!.owner;
    for (const server of topology.zookeepers) {
      const sessions = parseCons(await sendFourLetterWord(zookeeperClientAddress(server), 'cons', 2000));
      if (sessions.some((session) => session.sessionId && BigInt(session.sessionId) === owner)) return server;
    }
  } finally {
    zk.close();
  }
  throw new Error('the ALIVE master’s session is on no server');
}
