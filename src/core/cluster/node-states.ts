import { formatHostPort } from '../inputs/host-port.js';
import type { ProbeAddresses } from './cluster-probe.js';
import { type ClusterState, workersAtAliveMaster } from './cluster-state.js';
import type { HealthExpectations } from './health.js';
import { type ClusterNode, type ClusterTopology, masterAddress, masterWebUiUrl, zookeeperClientAddress } from './topology.js';

export function probeAddressesOf(topology: ClusterTopology): ProbeAddresses {
  return {
    zookeepers: topology.zookeepers.map(zookeeperClientAddress),
    masters: topology.masters.map((master) => ({ address: formatHostPort(masterAddress(master)), webUiUrl: masterWebUiUrl(master) })),
  };
}

export function expectationsOf(topology: ClusterTopology): HealthExpectations {
  return {
    zookeeperCount: topology.zookeepers.length,
    masterCount: topology.masters.length,
    minimumWorkers: topology.workers.length,
    workerHosts: topology.workers.map((worker) => worker.host),
  };
}

export function nodeAddress(node: ClusterNode): string {
  switch (node.role) {
    case 'zookeeper':
      return formatHostPort(zookeeperClientAddress(node));
    case 'master':
      return formatHostPort(masterAddress(node));
    case 'worker':
      return `${node.host}:${node.webUiPort}`;
  }
}

/**
 * What each node is doing, in the words operators use: a ZooKeeper server leads or follows, a master is
 * ALIVE or STANDBY, a worker is ALIVE at the ALIVE master. "down" means the probe got no answer.
 */
export function nodeState(node: ClusterNode, state: ClusterState): string {
  switch (node.role) {
    case 'zookeeper': {
      const server = state.zookeeper.find((candidate) => candidate.address === nodeAddress(node));
      if (!server?.reachable) return 'down';
      return server.serving ? (server.mode ?? 'serving') : 'not serving';
    }
    case 'master': {
      const master = state.masters.find((candidate) => candidate.address === nodeAddress(node));
      return master?.reachable ? master.status : 'down';
    }
    case 'worker': {
      const seen = workersAtAliveMaster(state).filter((worker) => worker.host === node.host);
      if (seen.some((worker) => worker.state === 'ALIVE')) return 'ALIVE';
      return seen.length > 0 ? seen[seen.length - 1]!.state : 'not registered';
    }
  }
}
