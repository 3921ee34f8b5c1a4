import { InputError, describeValue } from '../../core/errors.js';
import type { HostPort } from '../../core/inputs/host-port.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { parseMasterList } from '../../core/inputs/master-list.js';
import { parseZooKeeperConnect } from '../../core/inputs/zookeeper-connect.js';
import { type NodeAccess, readNodeAccess } from '../shared/node-access.js';

export type UpdateMethodName = 'local' | 'ansible' | 'command' | 'reimage';

export interface RollingUpdateSettings {
  readonly masters: readonly HostPort[];
  readonly masterWebUiPort: number;
  readonly zookeepers?: readonly HostPort[];
  readonly zookeeperDir?: string;
  /** Worker hosts; undefined: the workers ALIVE at the ALIVE master when the roll starts. */
  readonly workers?: readonly string[];
  readonly expectedWorkers?: number;
  readonly maxUnavailable: number;
  readonly only?: ReadonlySet<string>;
  readonly dryRun: boolean;
  readonly gateTimeoutSeconds: number;
  readonly lockWaitSeconds: number;
  readonly pollIntervalMs: number;
  readonly nodeAccess: NodeAccess;
  readonly method:
    | { readonly name: 'local'; readonly settings: Readonly<Record<string, string>> }
    | { readonly name: 'ansible'; readonly inventory: string; readonly playbook?: string; readonly settings: Readonly<Record<string, string>> }
    | { readonly name: 'command'; readonly command: readonly string[] }
    | { readonly name: 'reimage'; readonly imageId: string; readonly resourceGroup: string; readonly scaleSet: string };
}

export function readRollingUpdateSettings(inputs: InputReader): RollingUpdateSettings {
  const masters = parseMasterList('masters', inputs.required('masters', 'the Spark master list', '10.0.2.4:7077,10.0.2.5:7077'));
  const nodeAccess = readNodeAccess(inputs, masters.length);
  const zookeepersRaw = inputs.optional('zookeepers');
  if (nodeAccess.kind !== 'local' && zookeepersRaw === undefined) {
    throw new InputError('zookeepers', 'the ZooKeeper connect string', 'nothing', 'Set zookeepers, e.g. 10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181.');
  }
  const workers = inputs.optional('workers')?.split(',').map((host) => host.trim());
  const only = inputs.optional('only')?.split(',').map((name) => name.trim());
  const expectedWorkers = inputs.optional('expectedWorkers');
  return {
    masters,
    masterWebUiPort: inputs.integer('masterWebUiPort', 8080, { min: 1, max: 65535 }),
    zookeepers: zookeepersRaw === undefined ? undefined : parseZooKeeperConnect('zookeepers', zookeepersRaw),
    zookeeperDir: inputs.optional('zookeeperDir'),
    workers,
    expectedWorkers: expectedWorkers === undefined ? undefined : inputs.integer('expectedWorkers', 1, { min: 0, max: 10_000 }),
    maxUnavailable: inputs.integer('maxUnavailable', 1, { min: 1, max: 1000 }),
    only: only && new Set(only),
    dryRun: inputs.boolean('dryRun', false),
    gateTimeoutSeconds: inputs.seconds('gateTimeoutSeconds', 180, { min: 5, max: 7200 }),
    lockWaitSeconds: inputs.seconds('lockWaitSeconds', 60, { min: 0, max: 3600 }),
    pollIntervalMs: inputs.integer('pollIntervalMs', 100, { min: 20, max: 5000 }),
    nodeAccess,
    method: readMethod(inputs, nodeAccess.kind === 'local' ? 'local' : 'ansible'),
  };
}

function readMethod(inputs: InputReader, fallback: UpdateMethodName): RollingUpdateSettings['method'] {
  const name = inputs.oneOf('updateMethod', ['local', 'ansible', 'command', 'reimage'] as const, fallback);
  switch (name) {
    case 'local':
      return { name, settings: parseSettings(inputs.optional('set')) };
    case 'ansible':
      return { name, inventory: inputs.required('ansibleInventory', 'the Ansible inventory of the cluster (provision writes one)', 'infra/ansible/inventories/prod/hosts.yml'), playbook: inputs.optional('ansiblePlaybook'), settings: parseSettings(inputs.optional('set')) };
    case 'command':
      return { name, command: inputs.required('updateCommand', 'a command run once per node, with {name}, {host} and {role} placeholders', './update-node.sh {host} {role}').split(/\s+/) };
    case 'reimage':
      return {
        name,
        imageId: inputs.required('imageId', 'the new image id (image-build outputs it)', '/subscriptions/.../images/spark/versions/1.2.3'),
        resourceGroup: inputs.required('azureResourceGroup', 'the resource group of the worker scale set', 'rg-spark-prod'),
        scaleSet: inputs.required('workerScaleSet', 'the worker scale set name', 'vmss-spark-workers'),
      };
  }
}

/** Role variables, one `name=value` per line (or separated by `;` on one line). */
export function parseSettings(raw: string | undefined): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const line of (raw ?? '').split(/\n|;/).map((entry) => entry.trim()).filter(Boolean)) {
    const match = /^([a-z][a-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new InputError('set', 'one role variable per line as name=value', describeValue(line), 'Write e.g. zookeeper_heap_mb=1024.');
    settings[match[1]!] = match[2]!;
  }
  return settings;
}
