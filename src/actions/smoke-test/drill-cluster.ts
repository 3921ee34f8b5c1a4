import { azureVmOperations } from '../../azure/azure-vm-operations.js';
import { masterAddress } from '../../core/cluster/topology.js';
import type { DrillCluster } from '../../core/drill/drill-cluster.js';
import { InputError } from '../../core/errors.js';
import { formatHostPort } from '../../core/inputs/host-port.js';
import type { Pipeline } from '../../core/pipeline.js';
import { LocalCluster } from '../../local/local-cluster.js';
import { localDrillCluster } from '../../local/local-drill-cluster.js';
import { localPaths } from '../../local/paths.js';
import { remoteNodeOperations, remoteTopology } from '../shared/remote-cluster.js';
import { azureRecreation } from './azure-recreation.js';
import type { DrillSettings } from './drill-settings.js';
import type { SmokeTestSettings } from './settings.js';

/** Turns the inputs into the cluster the drill acts on and the way it reaches the nodes. */
export async function resolveDrillCluster(smoke: SmokeTestSettings, drill: DrillSettings, pipeline: Pipeline): Promise<DrillCluster> {
  const access = drill.nodeAccess;
  if (access.kind === 'local') {
    const cluster = new LocalCluster(localPaths(pipeline.directories), pipeline.log);
    const topology = await cluster.topology();
    const local = new Set(topology.masters.map((master) => formatHostPort(masterAddress(master))));
    const given = smoke.masters.map(formatHostPort);
    if (given.length !== local.size || given.some((address) => !local.has(address))) {
      throw new InputError(
        'masters',
        `the local cluster's masters (${[...local].join(',')}) when nodeAccess is 'local'`,
        given.join(','),
        "Use the local cluster's master URL, or set nodeAccess to 'ssh' or 'azure'.",
      );
    }
    return localDrillCluster(cluster, topology);
  }
  const topology = await remoteTopology({
    masters: smoke.masters,
    masterWebUiPort: smoke.masterWebUiPort,
    zookeepers: drill.zookeepers!,
    zookeeperDir: drill.zookeeperDir!,
    workers: [],
    masterNames: access.kind === 'azure' ? access.masterVmNames : undefined,
  });
  const vmOperations =
    access.kind === 'azure'
      ? azureVmOperations({ resourceGroup: access.resourceGroup, vmNames: Object.fromEntries(topology.masters.map((master) => [master.name, master.name])) })
      : undefined;
  return {
    masters: topology.masters,
    zookeepers: drill.zookeepers!,
    sparkZooKeeperDir: topology.sparkZooKeeperDir,
    operations: remoteNodeOperations(access, pipeline).operations,
    vmFaults: vmOperations,
    recreation: vmOperations && access.kind === 'azure' && drill.reconcile ? azureRecreation(vmOperations.delete, drill.reconcile, access, pipeline) : undefined,
  };
}
