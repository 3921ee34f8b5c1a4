import type { ClusterNode, NodeRole } from '../core/cluster/topology.js';
import type { NodeOperationName } from '../core/nodes/node-operations.js';

/** systemd units the Ansible roles install, per role. */
export const SERVICE_UNITS: Record<NodeRole, string> = {
  zookeeper: 'spark-azure-zookeeper',
  master: 'spark-azure-master',
  worker: 'spark-azure-worker',
};

/**
 * The shell command that performs a node operation on a VM. `kill` is a crash that stays down, as on the
 * local cluster: SIGKILL to the service's cgroup (no shutdown hooks run), then a stop that cancels the
 * restart systemd's Restart=always would schedule. `start` brings it back. `crash` kills the service's main
 * process only (the JVM): systemd runs ExecStopPost= and restarts it, as after an OOM kill.
 */
export function systemctlCommand(operation: NodeOperationName, role: NodeRole): string[] {
  const unit = SERVICE_UNITS[role];
  switch (operation) {
    case 'kill':
      return ['sudo', 'sh', '-c', `systemctl kill --signal=SIGKILL ${unit}; systemctl stop ${unit}`];
    case 'crash':
      return ['sudo', 'systemctl', 'kill', '--signal=SIGKILL', '--kill-whom=main', unit];
    case 'pause':
      return ['sudo', 'systemctl', 'kill', '--signal=SIGSTOP', '--kill-whom=main', unit];
    case 'stop':
      return ['sudo', 'systemctl', 'stop', unit];
    case 'start':
      return ['sudo', 'systemctl', 'start', unit];
    case 'restart':
      return ['sudo', 'systemctl', 'restart', unit];
  }
}

// Where the zookeeper role puts its membership command, and whose password file it reads (role defaults).
const ZOOKEEPER_RECONFIGURE = '/opt/spark-azure/bin/zookeeper-reconfigure';
const ZOOKEEPER_USER = 'zookeeper';

/** `reconfig` on a ZooKeeper VM through its own server, as ZooKeeper's user (who alone reads the password). */
export function zookeeperReconfigureCommand(change: readonly [string, string]): string[] {
  return ['sudo', '-u', ZOOKEEPER_USER, ZOOKEEPER_RECONFIGURE, ...change];
}

/** Stops a ZooKeeper server that left the ensemble for good: not started again at boot. */
export const RETIRE_ZOOKEEPER_COMMAND = ['sudo', 'systemctl', 'disable', '--now', SERVICE_UNITS.zookeeper];

export interface SshAccess {
  readonly user: string;
  /** Path of a private key file (0600). */
  readonly keyFile?: string;
  /** user@host of a jump host (an Azure VM in the hub, or a tunnel end), as ssh -J takes it. */
  readonly jumpHost?: string;
  readonly port: number;
}

/**
 * ssh's argument vector for one command on one node: batch mode (never a prompt in CI), a connect timeout,
 * and host keys accepted on first sight but pinned after (accept-new), since VMs are new after each apply.
 */
export function sshArguments(access: SshAccess, node: Pick<ClusterNode, 'host'>, command: readonly string[]): string[] {
  return [
    '-o',
    'BatchMode=yes',
    '-o',
    'ConnectTimeout=10',
    '-o',
    'StrictHostKeyChecking=accept-new',
    '-p',
    String(access.port),
    ...(access.keyFile ? ['-i', access.keyFile] : []),
    ...(access.jumpHost ? ['-J', access.jumpHost] : []),
    // '--' before the destination: ssh reads options after it too unless told they ended, and a user
    // name or host starting with '-' would be an option (-oProxyCommand= runs a local command).
    '--',
    `${access.user}@${node.host}`,
    ...command.map(quoteForRemoteShell),
  ];
}

// ssh joins its arguments into one string for the remote shell: each word is quoted once here.
function quoteForRemoteShell(word: string): string {
  return /^[A-Za-z0-9_./=:@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface AzureVmAccess {
  readonly resourceGroup: string;
  readonly subscription?: string;
  /** VM name of each node, by node name. */
  readonly vmNames: Readonly<Record<string, string>>;
}

export type VmOperation = 'restart' | 'deallocate' | 'start' | 'delete';

/**
 * `az vm restart|deallocate|start|delete`: faults and restores of the whole machine. A delete removes the VM
 * only (its NIC, IP and, unless set to go with it, its OS disk stay), as when someone deletes it by hand.
 */
export function azVmArguments(access: AzureVmAccess, vmName: string, operation: VmOperation): string[] {
  return [
    'vm',
    operation,
    azOption('resource-group', access.resourceGroup),
    azOption('name', vmName),
    ...(operation === 'delete' ? ['--yes'] : []),
    ...(access.subscription ? [azOption('subscription', access.subscription)] : []),
  ];
}

export interface VmssAccess {
  readonly resourceGroup: string;
  readonly scaleSet: string;
}

/** Points the scale set's model at a new image; running instances keep theirs until reimaged. */
export function vmssSetImageArguments(access: VmssAccess, imageId: string): string[] {
  return [
    'vmss',
    'update',
    azOption('resource-group', access.resourceGroup),
    azOption('name', access.scaleSet),
    azOption('set', `virtualMachineProfile.storageProfile.imageReference.id=${imageId}`),
  ];
}

/** Each instance's private IP and id, so that a worker seen by Spark can be found in the scale set. */
export function vmssInstanceIdsArguments(access: VmssAccess): string[] {
  return [
    'vmss',
    'nic',
    'list',
    azOption('resource-group', access.resourceGroup),
    azOption('vmss-name', access.scaleSet),
    azOption('query', '[].{ip: ipConfigurations[0].privateIPAddress, id: virtualMachine.id}'),
    '--output=json',
  ];
}

/** The scale set's capacity: Azure creates instances (which boot and join) or removes them (after their Terminate notice). */
export function vmssScaleArguments(access: VmssAccess, capacity: number): string[] {
  return ['vmss', 'scale', azOption('resource-group', access.resourceGroup), azOption('name', access.scaleSet), azOption('new-capacity', String(capacity))];
}

export function vmssReimageArguments(access: VmssAccess, instanceId: string): string[] {
  return ['vmss', 'reimage', azOption('resource-group', access.resourceGroup), azOption('name', access.scaleSet), azOption('instance-ids', instanceId)];
}

/** Every managed disk of the resource group, with the VM each is attached to (null: none). */
export function azDiskListArguments(resourceGroup: string): string[] {
  return ['disk', 'list', azOption('resource-group', resourceGroup), azOption('query', '[].{id: id, name: name, managedBy: managedBy}'), '--output=json'];
}

export function azDiskDeleteArguments(ids: readonly string[]): string[] {
  return ['disk', 'delete', '--yes', '--ids', ...ids];
}

/**
 * An az option with its value in one word: az's parser (argparse) takes a separate value that starts with
 * '-' for another option, so a name like '--debug' would change what az does instead of being refused.
 */
export function azOption(name: string, value: string): string {
  return `--${name}=${value}`;
}
