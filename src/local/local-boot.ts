import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { $ } from 'zx/core';
import type { ClusterNode, ClusterTopology } from '../core/cluster/topology.js';
import { type NodeBootInput, bootInputOf } from '../core/infra/node-boot.js';
import { renderNodeBoot } from '../tools/node-boot-render.js';
import { suiteContent } from '../tools/suite-content.js';
import { requireSuccess } from '../tools/tool-result.js';
import { applyWriteFiles } from './cloud-config.js';
import { clusterSecretFile } from './local-cluster-secret.js';
import { localImageVariables } from './local-image.js';
import { nodeDir } from './paths.js';
import type { Toolchain } from './toolchain.js';

/** The boot program the image carries, run here with each node's directory as that node's `/`. */
const BOOT_PROGRAM = ['infra', 'ansible', 'roles', 'spark_azure_node', 'files', 'spark-azure-boot.py'];

export interface LocalBoot {
  readonly clusterDir: string;
  readonly clusterName: string;
  readonly topology: ClusterTopology;
  readonly toolchain: Toolchain;
  /** The Terraform CLI that renders the custom data. */
  readonly terraform: string;
}

/** The local cluster's configuration store: a 0600 file in Key Vault's place. */
export function configurationStoreFile(clusterDir: string): string {
  return path.join(clusterDir, 'configuration-store', 'role-variables.json');
}

export async function readConfigurationStore(clusterDir: string): Promise<Record<string, string>> {
  const file = configurationStoreFile(clusterDir);
  return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as Record<string, string>) : {};
}

/** Keeps these role variables as the cluster's: what every node boots with from now on. */
export async function writeConfigurationStore(clusterDir: string, roleVariables: Readonly<Record<string, string>>): Promise<void> {
  const file = configurationStoreFile(clusterDir);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(roleVariables, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

/**
 * Boots these nodes the way Azure boots a VM, restarting nothing: their custom data rendered by the real
 * node-boot module, cloud-init's write_files applied under each node's directory, then the image's
 * spark-azure-boot configures them with the roles. Nodes booting together boot in one run of it: every
 * node's facts name the same cluster, so their inventories are one (the program refuses otherwise).
 * Starting them and waiting for their health is the caller's, as systemd's is on a VM.
 */
export async function bootLocalNodes(boot: LocalBoot, nodes: readonly ClusterNode[]): Promise<void> {
  if (nodes.length === 0) return;
  const store = { kind: 'file' as const, path: configurationStoreFile(boot.clusterDir), cluster_secret_path: clusterSecretFile(boot.clusterDir) };
  const inputs: Record<string, NodeBootInput> = Object.fromEntries(nodes.map((node) => [node.name, bootInputOf(node, boot.topology, boot.clusterName, store, createdWith(node))]));
  const documents = await renderNodeBoot(boot.terraform, path.join(boot.clusterDir, 'custom-data'), inputs);
  for (const node of nodes) {
    const root = nodeDir(boot.clusterDir, node.name);
    await mkdir(root, { recursive: true });
    // What the VM is given: its custom data, as cloud-init keeps it, and what write_files makes of it.
    await mkdir(path.join(root, 'var', 'lib', 'cloud', 'instance'), { recursive: true });
    await writeFile(path.join(root, 'var', 'lib', 'cloud', 'instance', 'user-data.txt'), documents[node.name]!);
    applyWriteFiles(documents[node.name]!, root);
    // What the platform gives a scale-set instance: its host name and address (DHCP, on Azure).
    if (node.role === 'worker') await writeJson(path.join(root, 'etc', 'spark-azure', 'instance.json'), { name: node.name, host: node.host });
    await writeJson(path.join(root, 'opt', 'spark-azure', 'image.json'), localImageVariables(boot.clusterDir, node.name, boot.toolchain));
  }
  const content = suiteContent();
  const run = await $({
    nothrow: true,
    quiet: true,
  })`${boot.toolchain.python} ${path.join(content.root, ...BOOT_PROGRAM)} ${nodes.flatMap((node) => ['--root', nodeDir(boot.clusterDir, node.name)])} --playbook ${content.sitePlaybook} --ansible-playbook ${boot.toolchain.ansiblePlaybook} --skip-health`;
  requireSuccess(
    run,
    `spark-azure-boot for ${nodes.map((node) => node.name).join(', ')}`,
    `Run it by hand for its whole output (the node directories under ${boot.clusterDir}/nodes).`,
    (result) => result.stderr.trim().split('\n').slice(-4).join(' | '),
  );
}

/**
 * The inventory of every booted node, as the boot program makes it from their facts: what provision's
 * inventory is on Azure, for runs of the site playbook from outside (its health gate).
 */
export async function writeClusterInventory(boot: LocalBoot, nodes: readonly ClusterNode[], file: string): Promise<void> {
  const booted = nodes.filter((node) => existsSync(path.join(nodeDir(boot.clusterDir, node.name), 'etc', 'spark-azure', 'node.json')));
  if (booted.length === 0) return;
  const content = suiteContent();
  const run = await $({
    nothrow: true,
    quiet: true,
  })`${boot.toolchain.python} ${path.join(content.root, ...BOOT_PROGRAM)} ${booted.flatMap((node) => ['--root', nodeDir(boot.clusterDir, node.name)])} --print-inventory`;
  await writeFile(file, requireSuccess(run, 'spark-azure-boot --print-inventory', 'Run it by hand for its whole output.').stdout);
}

/** What a node is created with, as Terraform derives it from the VM size: a worker's cores and memory. */
function createdWith(node: ClusterNode): Record<string, string> {
  return node.role === 'worker' ? { spark_worker_cores: String(node.cores), spark_worker_memory_mb: String(node.memoryMb) } : {};
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
