import { ActionableError } from '../errors.js';

/** The outputs of infra/terraform/envs/vm that the actions read: a change there must change this. */
export const VM_ROOT_OUTPUTS = [
  'resource_group_name',
  'zookeeper_hosts',
  'zookeeper_connect',
  'master_hosts',
  'master_url',
  'master_vm_names',
  'spark_zookeeper_dir',
  'worker_scale_set_id',
  'worker_scale_set_name',
  'bastion_name',
] as const;

export interface VmClusterOutputs {
  readonly resourceGroupName: string;
  readonly zookeeperHosts: readonly { readonly id: number; readonly name: string; readonly host: string; readonly zone: string }[];
  readonly zookeeperConnect: string;
  readonly masterHosts: readonly { readonly name: string; readonly host: string; readonly zone: string }[];
  readonly masterUrl: string;
  readonly masterVmNames: readonly string[];
  readonly sparkZooKeeperDir: string;
  readonly workerScaleSetId: string;
  readonly workerScaleSetName: string;
  readonly bastionName: string;
  /** The monitoring VM's address (output monitoring_host), when the root has one. */
  readonly monitoringHost?: string;
  /** Where the nodes read the kept role variables at boot (output configuration_store), when the root has one. */
  readonly configurationStore?: { readonly keyVaultName: string; readonly secretName: string };
  /** The values of the outputs read here that the root marks `sensitive`: to be masked before any use. */
  readonly sensitiveValues: readonly string[];
}

/** Reads `terraform output -json` of the vm root; names the first output that is missing or malformed. */
export function readVmOutputs(json: unknown): VmClusterOutputs {
  const outputs = (typeof json === 'object' && json !== null ? json : {}) as Record<string, { value?: unknown; sensitive?: boolean }>;
  const value = <T>(name: (typeof VM_ROOT_OUTPUTS)[number], valid: (candidate: unknown) => candidate is T, shape: string): T => {
    const candidate = outputs[name]?.value;
    if (!valid(candidate)) {
      throw new ActionableError(
        `Terraform output '${name}'`,
        shape,
        candidate === undefined ? 'nothing' : outputs[name]?.sensitive ? 'a sensitive value of the wrong shape' : JSON.stringify(candidate).slice(0, 80),
        'Apply infra/terraform/envs/vm (or a root with the same outputs) first.',
      );
    }
    return candidate;
  };
  const isString = (candidate: unknown): candidate is string => typeof candidate === 'string' && candidate !== '';
  const isStrings = (candidate: unknown): candidate is string[] => Array.isArray(candidate) && candidate.every(isString);
  const isHosts = (candidate: unknown): candidate is { id?: number; name: string; host: string; zone: string }[] =>
    Array.isArray(candidate) && candidate.length > 0 && candidate.every((host) => typeof host === 'object' && host !== null && isString((host as { host?: unknown }).host));
  const zookeeperHosts = value('zookeeper_hosts', isHosts, 'a list of {id, name, host, zone}');
  if (!zookeeperHosts.every((host) => Number.isInteger(host.id))) {
    throw new ActionableError(
      "Terraform output 'zookeeper_hosts'",
      'a myid (id) for every server',
      JSON.stringify(zookeeperHosts).slice(0, 80),
      'Apply the zookeeper module of this version.',
    );
  }
  return {
    resourceGroupName: value('resource_group_name', isString, 'a resource group name'),
    zookeeperHosts: zookeeperHosts as VmClusterOutputs['zookeeperHosts'],
    zookeeperConnect: value('zookeeper_connect', isString, 'a connect string'),
    masterHosts: value('master_hosts', isHosts, 'a list of {name, host, zone}'),
    masterUrl: value('master_url', isString, 'spark://host:7077,...'),
    masterVmNames: value('master_vm_names', isStrings, 'a list of VM names'),
    sparkZooKeeperDir: value('spark_zookeeper_dir', isString, 'a ZooKeeper path'),
    workerScaleSetId: value('worker_scale_set_id', isString, 'a scale set id'),
    workerScaleSetName: value('worker_scale_set_name', isString, 'a scale set name'),
    bastionName: value('bastion_name', isString, 'a Bastion host name'),
    // Optional: a root without monitoring (or monitoring_enabled = false) has none or an empty one.
    monitoringHost: isString(outputs.monitoring_host?.value) ? outputs.monitoring_host.value : undefined,
    configurationStore: configurationStoreOf(outputs.configuration_store?.value),
    sensitiveValues: VM_ROOT_OUTPUTS.filter((name) => outputs[name]?.sensitive).flatMap((name) => textsOf(outputs[name]?.value)),
  };
}

/** Every string inside an output's value (a list of hosts holds several). */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(textsOf);
  return [];
}

function configurationStoreOf(value: unknown): VmClusterOutputs['configurationStore'] {
  const store = value as { key_vault_name?: unknown; secret_name?: unknown } | undefined;
  return typeof store?.key_vault_name === 'string' && typeof store.secret_name === 'string' ? { keyVaultName: store.key_vault_name, secretName: store.secret_name } : undefined;
}
