import type { ClusterState } from '../cluster/cluster-state.js';
import type { HostPort } from '../inputs/host-port.js';
import { type MasterProbeTarget, probeSparkMaster } from './spark-master-probe.js';
import { probeZooKeeperServer } from './zookeeper-probe.js';

/** Where to look: enough to probe a cluster whether it runs on loopback or on Azure VMs. */
export interface ProbeTargets {
  readonly zookeepers: readonly HostPort[];
  readonly masters: readonly MasterProbeTarget[];
}

export const DEFAULT_PROBE_TIMEOUT_MS = 2000;

/** Probes every ZooKeeper server and every master at once; a dead node costs one timeout, not one each. */
export async function probeCluster(targets: ProbeTargets, timeoutMs = DEFAULT_PROBE_TIMEOUT_MS): Promise<ClusterState> {
  const observedAt = new Date().toISOString();
  const [zookeeper, masters] = await Promise.all([
    Promise.all(targets.zookeepers.map((server) => probeZooKeeperServer(server, timeoutMs))),
    Promise.all(targets.masters.map((master) => probeSparkMaster(master, timeoutMs))),
  ]);
  return { observedAt, zookeeper, masters };
}
