import { readPrivateKey } from '../../core/inputs/secret-inputs.js';
import type { SshAccess } from '../../azure/remote-commands.js';
import { InputError, describeValue } from '../../core/errors.js';
import type { HostPort } from '../../core/inputs/host-port.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { parseZooKeeperConnect } from '../../core/inputs/zookeeper-connect.js';
import { isLoopback } from '../../core/inputs/host-port.js';
import { AZURE_RESOURCE_GROUP, SSH_JUMP_HOST, SSH_USER, ZOOKEEPER_PATH } from '../../core/inputs/name-patterns.js';

/** How an action reaches the nodes: the local cluster's processes, systemd over SSH, or Azure. */
export type NodeAccess =
  | { readonly kind: 'local' }
  | { readonly kind: 'ssh'; readonly ssh: SshAccess; readonly privateKey?: string }
  | { readonly kind: 'azure'; readonly ssh: SshAccess; readonly privateKey?: string; readonly resourceGroup: string; readonly masterVmNames: readonly string[] };

/** How to reach the nodes: given, or `local` when every master is on this machine's loopback. */
export function readNodeAccess(inputs: InputReader, masters: readonly HostPort[]): NodeAccess {
  const onThisMachine = masters.every((master) => isLoopback(master.host));
  if (inputs.optional('nodeAccess') === undefined && !onThisMachine) {
    throw new InputError(
      'nodeAccess',
      "'ssh' or 'azure' for masters that are not on this machine",
      'nothing',
      "Set nodeAccess to 'ssh' (systemd over SSH) or 'azure' (SSH, plus az vm for whole-VM faults).",
    );
  }
  const kind = inputs.oneOf('nodeAccess', ['local', 'ssh', 'azure'] as const, 'local');
  const masterCount = masters.length;
  if (kind === 'local') return { kind };
  const ssh: SshAccess = {
    user: inputs.requiredName('sshUser', SSH_USER, 'the SSH user on the VMs (with sudo for systemctl)'),
    jumpHost: inputs.optionalName('sshJumpHost', SSH_JUMP_HOST),
    port: inputs.integer('sshPort', 22, { min: 1, max: 65535 }),
  };
  const privateKey = readPrivateKey(inputs);
  if (kind === 'ssh') {
    inputs.refuseIgnored(['masterVmNames'], () => ({
      expected: "it only with nodeAccess 'azure' (whole-VM faults through az vm)",
      found: "it with nodeAccess 'ssh', which ignores it",
      fix: "Leave masterVmNames out, or set nodeAccess to 'azure'.",
    }));
    return { kind, ssh, privateKey };
  }
  const masterVmNames = inputs
    .required('masterVmNames', 'one VM name per master, in the order of masters', 'spark-master-1,spark-master-2')
    .split(',')
    .map((name) => name.trim());
  if (masterVmNames.length !== masterCount || masterVmNames.some((name) => !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name))) {
    throw new InputError(
      'masterVmNames',
      `${masterCount} VM names, one per master, comma-separated`,
      describeValue(masterVmNames.join(',')),
      'List the VM of each master in the order of masters.',
    );
  }
  return { kind, ssh, privateKey, resourceGroup: inputs.requiredName('azureResourceGroup', AZURE_RESOURCE_GROUP, 'the resource group of the cluster VMs'), masterVmNames };
}

/** The cluster's `spark.deploy.zookeeper.dir`: the local cluster knows its own; elsewhere it names the cluster. */
export function readZooKeeperDir(inputs: InputReader, access: NodeAccess): string | undefined {
  if (access.kind === 'local') return inputs.optionalName('zookeeperDir', ZOOKEEPER_PATH);
  return inputs.requiredName('zookeeperDir', ZOOKEEPER_PATH, "the cluster's spark.deploy.zookeeper.dir (provision outputs it as zookeeperDir)");
}

/** The ZooKeeper connect string: optional for the local cluster (it knows its own), required elsewhere. */
export function readZooKeepers(inputs: InputReader, access: NodeAccess, expected: string): HostPort[] | undefined {
  const raw = inputs.optional('zookeepers');
  if (raw === undefined && access.kind !== 'local') {
    throw new InputError('zookeepers', expected, 'nothing', 'Set zookeepers, e.g. 10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181.');
  }
  return raw === undefined ? undefined : parseZooKeeperConnect('zookeepers', raw);
}
