import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { azureVmOperations } from '../../azure/azure-vm-operations.js';
import { sshNodeOperations } from '../../azure/ssh-node-operations.js';
import { type MasterNode, masterAddress } from '../../core/cluster/topology.js';
import { InputError } from '../../core/errors.js';
import { formatHostPort } from '../../core/inputs/host-port.js';
import type { Log } from '../../core/log.js';
import { localDrillTargets } from '../../local/local-drill-targets.js';
import { LocalCluster } from '../../local/local-cluster.js';
import { localPaths } from '../../local/paths.js';
import type { DrillTargets } from '../../operations/failover-drill.js';
import type { DrillSettings } from './drill-settings.js';
import type { SmokeTestSettings } from './settings.js';

export const DEFAULT_SPARK_ZOOKEEPER_DIR = '/spark-azure/spark';

/** Turns the inputs into the nodes the drill acts on and the way it reaches them. */
export async function resolveDrillTargets(
  smoke: SmokeTestSettings,
  drill: DrillSettings,
  log: Log,
  secrets: { register(value: string): void },
): Promise<DrillTargets> {
  const access = drill.nodeAccess;
  if (access.kind === 'local') {
    const cluster = new LocalCluster(localPaths(), log);
    const topology = await cluster.topology();
    const local = new Set(topology.masters.map((master) => formatHostPort(masterAddress(master))));
    const given = smoke.masters.map(formatHostPort);
    if (given.length !== local.size || given.some((address) => !local.has(address))) {
      throw new InputError('masters', `the local cluster's masters (${[...local].join(',')}) when nodeAccess is 'local'`, given.join(','), "Use the local cluster's master URL, or set nodeAccess to 'ssh' or 'azure'.");
    }
    return localDrillTargets(cluster, topology);
  }
  const masters: MasterNode[] = smoke.masters.map((master, index) => ({
    name: access.kind === 'azure' ? access.masterVmNames[index]! : master.host,
    role: 'master',
    host: master.host,
    port: master.port,
    webUiPort: smoke.masterWebUiPort,
  }));
  let keyFile: string | undefined;
  if (access.privateKey) {
    secrets.register(access.privateKey);
    keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'spark-azure-ssh-')), 'id');
    writeFileSync(keyFile, access.privateKey.endsWith('\n') ? access.privateKey : `${access.privateKey}\n`, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
  }
  const operations = sshNodeOperations({ ...access.ssh, keyFile });
  const vmFaults =
    access.kind === 'azure'
      ? azureVmOperations({ resourceGroup: access.resourceGroup, vmNames: Object.fromEntries(masters.map((master) => [master.name, master.name])) })
      : undefined;
  return {
    masters,
    zookeepers: drill.zookeepers!,
    sparkZooKeeperDir: drill.zookeeperDir ?? DEFAULT_SPARK_ZOOKEEPER_DIR,
    operations,
    vmFaults,
  };
}
