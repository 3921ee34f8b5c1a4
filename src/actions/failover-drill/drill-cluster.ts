import type { DrillCluster } from '../../core/drill/drill-cluster.js';
import { zookeeperClientAddress } from '../../core/cluster/topology.js';
import type { Pipeline } from '../../core/pipeline.js';
import { localDrillCluster } from '../../local/local-drill-cluster.js';
import { resolveCluster } from '../shared/cluster-resolver.js';
import type { DrillSettings } from '../shared/drill-settings.js';
import type { SmokeTestSettings } from '../shared/smoke-test-settings.js';
import { azureRecreation } from './azure-recreation.js';
import { scaleScaleSet } from '../../azure/scale-set-instances.js';

/** A scale set's new instances boot, configure themselves and join; leaving ones get their Terminate notice first. */
const AZURE_SCALE_SECONDS = 1800;

/** The cluster the drill acts on and the way it reaches the nodes, from the one resolver. */
export async function resolveDrillCluster(smoke: SmokeTestSettings, drill: DrillSettings, pipeline: Pipeline): Promise<DrillCluster> {
  const cluster = await resolveCluster(
    // The drill needs no worker list: it counts the workers ALIVE at the ALIVE master.
    { access: drill.nodeAccess, masters: smoke.masters, masterWebUiPort: smoke.masterWebUiPort, zookeepers: drill.zookeepers, zookeeperDir: drill.zookeeperDir, workers: [] },
    pipeline,
  );
  if (cluster.kind === 'local') return localDrillCluster(cluster.local, cluster.topology);
  const { access, vms } = cluster;
  return {
    masters: cluster.topology.masters,
    zookeepers: cluster.topology.zookeepers.map(zookeeperClientAddress),
    sparkZooKeeperDir: cluster.topology.sparkZooKeeperDir,
    operations: cluster.operations,
    vmFaults: vms,
    recreation: vms && access.kind === 'azure' && drill.reconcile ? azureRecreation(vms.delete, drill.reconcile, access, pipeline) : undefined,
    workerScaling:
      access.kind === 'azure' && drill.workerScaleSet
        ? { scaleTo: (count) => scaleScaleSet({ resourceGroup: access.resourceGroup, scaleSet: drill.workerScaleSet! }, count), timeLimitSeconds: AZURE_SCALE_SECONDS }
        : undefined,
  };
}
