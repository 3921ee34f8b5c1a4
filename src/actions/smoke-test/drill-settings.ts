import type { Fault } from '../../core/drill/journal.js';
import { InputError } from '../../core/errors.js';
import type { HostPort } from '../../core/inputs/host-port.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import type { DrillOptions } from '../../operations/failover-drill.js';
import { type NodeAccess, readNodeAccess, readZooKeeperDir, readZooKeepers } from '../shared/node-access.js';

/** The drill's options, plus where the cluster's ZooKeeper is and how to reach the masters. */
export interface DrillSettings extends DrillOptions {
  readonly zookeepers?: readonly HostPort[];
  readonly zookeeperDir?: string;
  readonly nodeAccess: NodeAccess;
}

export const FAULTS: readonly Fault[] = ['kill', 'stop', 'restart', 'vm-restart', 'vm-deallocate'];

export function readDrillSettings(inputs: InputReader, masters: readonly HostPort[]): DrillSettings {
  const fault = inputs.oneOf('fault', FAULTS, 'kill');
  const nodeAccess = readNodeAccess(inputs, masters);
  if ((fault === 'vm-restart' || fault === 'vm-deallocate') && nodeAccess.kind !== 'azure') {
    throw new InputError(
      'fault',
      "'kill', 'stop' or 'restart' unless nodeAccess is 'azure'",
      `'${fault}' with nodeAccess '${nodeAccess.kind}'`,
      "Set nodeAccess to 'azure' (with azureResourceGroup and masterVmNames) for VM faults.",
    );
  }
  const expectedWorkers = inputs.optional('expectedWorkers');
  return {
    fault,
    zookeepers: readZooKeepers(inputs, nodeAccess, 'the ZooKeeper connect string (the drill reads Spark’s leader latch)'),
    zookeeperDir: readZooKeeperDir(inputs, nodeAccess),
    expectedWorkers: expectedWorkers === undefined ? undefined : inputs.integer('expectedWorkers', 1, { min: 1, max: 10_000 }),
    maxRecoverySeconds: inputs.seconds('maxRecoverySeconds', 12, { min: 1, max: 3600 }),
    graceSeconds: inputs.seconds('graceSeconds', 5, { min: 0, max: 300 }),
    jobSeconds: inputs.seconds('jobSeconds', 30, { min: 5, max: 3600 }),
    lockWaitSeconds: inputs.seconds('lockWaitSeconds', 60, { min: 0, max: 3600 }),
    pollIntervalMs: inputs.integer('pollIntervalMs', 100, { min: 20, max: 5000 }),
    nodeAccess,
  };
}
