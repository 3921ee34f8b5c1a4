import { readClusterSecret } from '../../core/inputs/secret-inputs.js';
import { InputError, describeValue } from '../../core/errors.js';
import { type HostPort, parseHostList } from '../../core/inputs/host-port.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { parseMasterList } from '../../core/inputs/master-list.js';
import { type NodeAccess, readNodeAccess, readZooKeeperDir, readZooKeepers } from '../shared/node-access.js';
import { readRoleVariables } from '../shared/role-variables.js';
import { readConfigurationStore } from '../shared/configuration-store.js';
import type { KeyVaultSecret } from '../../azure/configuration-store.js';
import { AZURE_RESOURCE_GROUP, AZURE_SCALE_SET, NODE_NAME } from '../../core/inputs/name-patterns.js';

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
  /**
   * provision's configurationStore output: where the roll keeps its role variables for nodes booted later,
   * and where the cluster secret is read when clusterSecret is not given.
   */
  readonly configurationStore?: KeyVaultSecret;
  /** A closed cluster's secret: the roll's ZooKeeper session authenticates with it (docs/security.md). */
  readonly clusterSecret?: string;
  /** Set: instead of rolling, grow or shrink the ZooKeeper ensemble to this many voters (reconfig). */
  readonly zookeeperCount?: number;
  readonly method:
    | { readonly name: 'local'; readonly roleVariables: Readonly<Record<string, string>> }
    | { readonly name: 'ansible'; readonly inventory: string; readonly playbook?: string; readonly roleVariables: Readonly<Record<string, string>> }
    | { readonly name: 'command'; readonly command: readonly string[] }
    | { readonly name: 'reimage'; readonly imageId: string; readonly resourceGroup: string; readonly scaleSet: string };
}

export function readRollingUpdateSettings(inputs: InputReader): RollingUpdateSettings {
  const masters = parseMasterList('masters', inputs.required('masters', 'the Spark master list', '10.0.2.4:7077,10.0.2.5:7077'));
  const nodeAccess = readNodeAccess(inputs, masters);
  // The local cluster knows its own workers and expects every one back.
  if (nodeAccess.kind === 'local') {
    inputs.refuseIgnored(['workers', 'expectedWorkers'], (given) => ({
      expected: "it only with nodeAccess 'ssh' or 'azure' (the local cluster knows its workers and expects them all)",
      found: "it with nodeAccess 'local', which ignores it",
      fix: `Leave ${given} out for the local cluster.`,
    }));
  }
  const workersGiven = inputs.optional('workers');
  const workers = workersGiven === undefined ? undefined : parseHostList('workers', workersGiven, '10.0.3.4,10.0.3.5');
  const only = readNodeNames(inputs.optional('only'));
  const expectedWorkers = inputs.optional('expectedWorkers');
  const zookeeperCount = inputs.renamed('zookeeperCount', 'zookeeperServers');
  const settings = {
    masters,
    masterWebUiPort: inputs.integer('masterWebUiPort', 8080, { min: 1, max: 65535 }),
    zookeepers: readZooKeepers(inputs, nodeAccess, 'the ZooKeeper connect string'),
    zookeeperDir: readZooKeeperDir(inputs, nodeAccess),
    workers,
    expectedWorkers: expectedWorkers === undefined ? undefined : inputs.integer('expectedWorkers', 1, { min: 0, max: 10_000 }),
    maxUnavailable: inputs.integer('maxUnavailable', 1, { min: 1, max: 1000 }),
    only: only && new Set(only),
    dryRun: inputs.boolean('dryRun', false),
    gateTimeoutSeconds: inputs.seconds('gateTimeoutSeconds', 180, { min: 5, max: 7200 }),
    lockWaitSeconds: inputs.seconds('lockWaitSeconds', 60, { min: 0, max: 3600 }),
    pollIntervalMs: inputs.integer('pollIntervalMs', 100, { min: 20, max: 5000 }),
    nodeAccess,
    zookeeperCount: inputs.optional(zookeeperCount) === undefined ? undefined : Number(inputs.oneOf(zookeeperCount, ['3', '5'] as const, '3')),
    method: readMethod(inputs, nodeAccess.kind === 'local' ? 'local' : 'ansible'),
  };
  if (settings.method.name !== 'reimage' && nodeAccess.kind !== 'azure') {
    inputs.refuseIgnored(['azureResourceGroup'], () => ({
      expected: "it only with updateMethod 'reimage' or nodeAccess 'azure'",
      found: `it with updateMethod '${settings.method.name}' and nodeAccess '${nodeAccess.kind}', which ignore it`,
      fix: 'Leave azureResourceGroup out.',
    }));
  }
  return { ...settings, configurationStore: readConfigurationStore(inputs), clusterSecret: readClusterSecret(inputs) };
}

/** The inputs each update method reads (azureResourceGroup is node access's too, so it is not listed). */
const METHOD_INPUTS: Readonly<Record<UpdateMethodName, readonly string[]>> = {
  local: ['roleVariables'],
  ansible: ['ansibleInventory', 'ansiblePlaybook', 'roleVariables'],
  command: ['updateCommand'],
  reimage: ['imageId', 'workerScaleSet'],
};

/** An input of another update method would be ignored by this one: refused, so nobody believes it applied. */
function refuseOtherMethodsInputs(inputs: InputReader, name: UpdateMethodName): void {
  const others = [...new Set(Object.values(METHOD_INPUTS).flat())].filter((input) => !METHOD_INPUTS[name].includes(input));
  inputs.refuseIgnored(others, (given) => {
    const methods = (Object.keys(METHOD_INPUTS) as UpdateMethodName[])
      .filter((method) => METHOD_INPUTS[method].includes(given))
      .map((method) => `'${method}'`)
      .join(' or ');
    return {
      expected: `it only with updateMethod ${methods}`,
      found: `it with updateMethod '${name}', which ignores it`,
      fix: `Leave ${given} out, or set updateMethod to ${methods}.`,
    };
  });
}

function readMethod(inputs: InputReader, fallback: UpdateMethodName): RollingUpdateSettings['method'] {
  const name = inputs.oneOf('updateMethod', ['local', 'ansible', 'command', 'reimage'] as const, fallback);
  refuseOtherMethodsInputs(inputs, name);
  switch (name) {
    case 'local':
      return { name, roleVariables: readRoleVariables(inputs) };
    case 'ansible':
      return {
        name,
        inventory: inputs.required('ansibleInventory', 'the Ansible inventory of the cluster (provision writes one)', 'infra/ansible/inventories/prod/hosts.yml'),
        playbook: inputs.optional('ansiblePlaybook'),
        roleVariables: readRoleVariables(inputs),
      };
    case 'command':
      return {
        name,
        command: updateCommandOf(inputs),
      };
    case 'reimage':
      return {
        name,
        imageId: inputs.required('imageId', 'the new image id (image-build outputs it)', '/subscriptions/.../images/spark/versions/1.2.3'),
        resourceGroup: inputs.requiredName('azureResourceGroup', AZURE_RESOURCE_GROUP, 'the resource group of the worker scale set'),
        scaleSet: inputs.requiredName('workerScaleSet', AZURE_SCALE_SET, 'the worker scale set name'),
      };
  }
}

/** The update command's words; its program may not look like an option (a leading '-' is read as one). */
function updateCommandOf(inputs: InputReader): string[] {
  const words = inputs.required('updateCommand', 'a command run once per node, with {name}, {host} and {role} placeholders', './update-node.sh {host} {role}').split(/\s+/);
  if (words[0]!.startsWith('-')) {
    throw new InputError('updateCommand', 'a program, then its arguments', describeValue(words.join(' ')), "Start with the program's path, e.g. ./update-node.sh {host} {role}.");
  }
  return words;
}

/** `only`, checked by shape when read; whether each name is a node of the cluster needs the cluster (index.ts). */
function readNodeNames(raw: string | undefined): string[] | undefined {
  const names = raw?.split(',').map((name) => name.trim());
  names?.forEach((name, index) => {
    if (!NODE_NAME.pattern.test(name))
      throw new InputError('only', NODE_NAME.expected, `entry ${index + 1}: ${describeValue(name)}`, `Write e.g. ${NODE_NAME.example} (rolling-update dryRun lists them).`);
  });
  return names;
}
