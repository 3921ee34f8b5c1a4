import { aliveMasters, zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import { probeAddressesOf } from '../../src/core/cluster/node-states.js';
import { type ClusterTopology, type MasterNode, masterAddress } from '../../src/core/cluster/topology.js';
import { formatHostPort } from '../../src/core/inputs/host-port.js';
import { probeCluster } from '../../src/core/cluster/cluster-probe.js';
import { sendFourLetterWord } from '../../src/core/zookeeper/four-letter-word.js';
import { parseMntr } from '../../src/core/zookeeper/zookeeper-replies.js';

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
