import type { ClusterState } from './cluster-state.js';
import type { HostPort } from '../inputs/host-port.js';
import { type MasterEndpoint, probeSparkMaster } from '../spark/spark-master-probe.js';
import { probeZooKeeperServer } from '../zookeeper/zookeeper-probe.js';

/** Where to look: enough to probe a cluster whether it runs on loopback or on Azure VMs. */
export interface ProbeAddresses {
  readonly zookeepers: readonly HostPort[];
  readonly masters: readonly MasterEndpoint[];
}

export const DEFAULT_PROBE_TIMEOUT_MS = 2000;

/** Probes every ZooKeeper server and every master at once; a dead node costs one timeout, not one each. */
export async function probeCluster(addresses: ProbeAddresses, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<ClusterState> {
  const observedAt = new Date().toISOString();
  const [zookeeper, masters] = await Promise.all([
    Promise.all(addresses.zookeepers.map((server) => probeZooKeeperServer(server, timeoutMs))),
    Promise.all(addresses.masters.map((master) => probeSparkMaster(master, timeoutMs))),
  ]);
  return { observedAt, zookeeper, masters };
}
