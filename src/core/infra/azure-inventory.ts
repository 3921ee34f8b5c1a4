import { stringify } from 'yaml';
import type { VmClusterOutputs } from './vm-outputs.js';

export interface InventoryAccess {
  readonly user: string;
  /** user@host of the jump host; every SSH connection goes through it. */
  readonly jumpHost?: string;
  readonly keyFile?: string;
}

/**
 * The Ansible inventory of a cluster on Azure VMs, from the vm root's outputs: the groups site.yml
 * configures, each ZooKeeper server with its myid, the cluster's ZooKeeper directory, SSH through the jump
 * host. Host names are the VMs' host names (ansible-pull on a node limits to its own). Role variables are
 * not here: they may hold secrets and the inventory outlives the step, so they travel as `-e @file`.
 */
export function azureInventory(outputs: VmClusterOutputs, workers: readonly { name: string; host: string }[], access: InventoryAccess): string {
  const sshArgs = ['-o StrictHostKeyChecking=accept-new', ...(access.jumpHost ? [`-o ProxyJump=${access.jumpHost}`] : [])].join(' ');
  return stringify({
    all: {
      vars: {
        ansible_user: access.user,
        ansible_become: true,
        ansible_ssh_common_args: sshArgs,
        ...(access.keyFile ? { ansible_ssh_private_key_file: access.keyFile } : {}),
        spark_master_zookeeper_dir: outputs.sparkZooKeeperDir,
      },
      children: {
        zookeeper: { hosts: Object.fromEntries(outputs.zookeeperHosts.map((server) => [server.name, { ansible_host: server.host, zookeeper_id: server.id }])) },
        spark_masters: { hosts: Object.fromEntries(outputs.masterHosts.map((master) => [master.name, { ansible_host: master.host }])) },
        spark_workers: { hosts: Object.fromEntries(workers.map((worker) => [worker.name, { ansible_host: worker.host }])) },
        // The prometheus role discovers the rest itself, in the cluster's resource group.
        ...(outputs.monitoringHost
          ? {
              monitoring: {
                hosts: { [outputs.monitoringHost]: { ansible_host: outputs.monitoringHost } },
                vars: { prometheus_azure_resource_group: outputs.resourceGroupName },
              },
            }
          : {}),
      },
    },
  });
}
