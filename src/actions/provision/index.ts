import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx/core';
import { azDiskDeleteArguments, azDiskListArguments, vmssInstanceIdsArguments } from '../../azure/remote-commands.js';
import { azureInventory } from '../../core/infra/azure-inventory.js';
import { type VmClusterOutputs, readVmOutputs } from '../../core/infra/vm-outputs.js';
import { ClusterStateError, InputError, describeValue } from '../../core/errors.js';
import { planConfigurationDifferences } from '../../core/infra/plan-configuration.js';
import { type ManagedDisk, type RecreatedVm, orphanedOsDisks, readReconcilePlan } from '../../core/infra/reconcile-plan.js';
import { zipEntries } from '../../core/infra/zip-entries.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { ansibleFailures, runPlaybookWith } from '../../tools/ansible-playbook.js';
import { ensurePythonEnvironment } from '../../tools/installers.js';
import { ensureTerraformCli } from '../../tools/terraform-cli.js';
import { suiteContent } from '../../tools/suite-content.js';
import { TerraformRoot, planSummary } from '../../tools/terraform-runner.js';
import { requireSuccess } from '../../tools/tool-result.js';
import { escapeCell } from '../shared/markdown.js';
import { writeExtraVariablesFile, writeSshKeyFile } from '../shared/secrets.js';
import { userPath } from '../shared/user-paths.js';
import { type ProvisionSettings, readProvisionSettings } from './settings.js';

/**
 * The provision action: Terraform plan, then (in a later, approved job, or at once) apply of exactly that
 * plan, then Ansible configures the nodes from Terraform's outputs. Outputs what the other actions take.
 */
export async function provisionAction(pipeline: Pipeline): Promise<void> {
  await runProvision(readProvisionSettings(new InputReader(pipeline.inputs)), pipeline);
}

/** Provision with settings already read: the action's, or the destroy drill's reconcile on Azure. */
export async function runProvision(settings: ProvisionSettings, pipeline: Pipeline): Promise<void> {
  const root = await terraformRoot(settings, pipeline);
  try {
    await provision(settings, root.directory, pipeline);
  } finally {
    await root.release();
  }
}

/**
 * The user's own root, in their workspace; or spark-azure's envs/vm, copied with its modules into the
 * run's temp directory so that Terraform never writes into the action's folder.
 */
async function terraformRoot(settings: ProvisionSettings, pipeline: Pipeline): Promise<{ directory: string; release(): Promise<void> }> {
  if (settings.workingDirectory !== undefined) {
    const directory = userPath(pipeline, settings.workingDirectory);
    if (!existsSync(directory) || !statSync(directory).isDirectory()) {
      throw new InputError(
        'workingDirectory',
        'a Terraform root in the workspace',
        describeValue(settings.workingDirectory),
        "Give the root's path relative to the workspace, or leave it empty for spark-azure's envs/vm.",
      );
    }
    return { directory, release: async () => {} };
  }
  const copy = await mkdtemp(path.join(pipeline.directories.temp, 'spark-azure-terraform-'));
  await cp(suiteContent().terraformDir, copy, { recursive: true });
  return { directory: path.join(copy, 'envs', 'vm'), release: () => rm(copy, { recursive: true, force: true }) };
}

/**
 * backendConfig's lines: `.hcl` files (relative to the workspace) as they are; `key=value` settings, which
 * may hold an access key, gathered into one 0600 file in the run's scratch directory, off the command line.
 */
function backendConfigFiles(lines: readonly string[], pipeline: Pipeline): string[] {
  const settings = lines.filter((line) => line.includes('='));
  const files = lines.filter((line) => !line.includes('=')).map((file) => userPath(pipeline, file));
  const missing = files.find((file) => !existsSync(file) || !statSync(file).isFile());
  if (missing !== undefined) {
    throw new InputError(
      'backendConfig',
      'key=value lines, or paths of .hcl files in the workspace',
      `a line naming no file (${describeValue(path.relative(pipeline.directories.workspace, missing) || missing)})`,
      'Give the file path relative to the workspace, or write the setting as key=value.',
    );
  }
  if (settings.length === 0) return files;
  const hcl = settings.map((line) => {
    const [key, ...value] = line.split('=');
    // A quoted HCL string, with template sequences escaped so a value is taken as it is.
    return `${key!.trim()} = ${JSON.stringify(value.join('=').trim()).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}`;
  });
  return [...files, pipeline.secretFile('backend.hcl', `${hcl.join('\n')}\n`)];
}

async function provision(settings: ProvisionSettings, directory: string, pipeline: Pipeline): Promise<void> {
  const terraform = new TerraformRoot(await ensureTerraformCli(pipeline.directories.toolCache, pipeline.log), directory);
  const planFile = planFilePath(settings.planFile, pipeline);
  const backendFiles = backendConfigFiles(settings.backendConfig, pipeline);
  await pipeline.group('terraform init', () => terraform.init(backendFiles));
  if (settings.command === 'reconcile') return reconcile(settings, terraform, planFile, pipeline);

  if (settings.command !== 'apply') {
    const varFiles = settings.varFile ? [userPath(pipeline, settings.varFile)] : [];
    const plan = await pipeline.group('terraform plan', () => withPlanLock(planFile, () => terraform.plan(planFile, { varFiles, variables: settings.variables })));
    pipeline.setOutput('hasChanges', String(plan.hasChanges));
    pipeline.setOutput('planSummary', planSummary(plan));
    pipeline.setOutput('planFile', planFile);
    pipeline.log.info(`Plan: ${planSummary(plan)} (${planFile})`);
    await pipeline.appendSummary(
      [
        `### Terraform plan: ${planSummary(plan)}`,
        '',
        '| resource | actions |',
        '|---|---|',
        ...plan.changes.map((change) => `| \`${change.address}\` | ${escapeCell(change.actions.join(', '))} |`),
        '',
      ].join('\n'),
    );
    if (settings.command === 'plan') return;
  }

  if (!existsSync(planFile)) {
    throw new InputError(
      'planFile',
      'the plan saved by command plan (download it in the approved job)',
      describeValue(settings.planFile),
      'Run command plan first, then apply that plan file; apply never plans again.',
    );
  }
  refuseForeignPlan(planFile, directory, settings.planFile);
  await pipeline.group('terraform apply', () => terraform.apply(planFile));
  await configureCluster(settings, terraform, pipeline);
}

/**
 * Re-creates what was destroyed outside Terraform and configures only that: a plan that does anything but
 * create is refused untouched; OS disks the deleted VMs left behind are removed first (they would stop the
 * re-creation); then the plan is applied and Ansible runs limited to the re-created nodes.
 */
async function reconcile(settings: ProvisionSettings, terraform: TerraformRoot, planFile: string, pipeline: Pipeline): Promise<void> {
  const varFiles = settings.varFile ? [userPath(pipeline, settings.varFile)] : [];
  const plan = await pipeline.group('terraform plan (reconcile)', () => withPlanLock(planFile, () => terraform.plan(planFile, { varFiles, variables: settings.variables })));
  const wanted = readReconcilePlan(plan.changes);
  if (wanted.otherChanges.length > 0) {
    throw new ClusterStateError(
      'Reconcile',
      'a plan that only creates what is missing',
      `a plan that also changes ${wanted.otherChanges.map((change) => `${change.address} (${change.actions.join(', ')})`).join(', ')}`,
      'Nothing was changed. Review the plan with command plan and apply it with command apply, behind your approval gate.',
    );
  }
  pipeline.setOutput('reconciledNodes', wanted.recreatedVms.map((vm) => vm.hostName).join(','));
  if (!plan.hasChanges) {
    pipeline.log.info('Every resource exists: nothing to re-create.');
    return;
  }
  pipeline.log.info(`Re-creating ${wanted.recreatedVms.map((vm) => vm.vmName).join(', ') || 'no VM'} (${planSummary(plan)})`);
  if (wanted.recreatedVms.length > 0) {
    const resourceGroup = readVmOutputs(await terraform.outputs()).resourceGroupName;
    await pipeline.group('orphaned OS disks', () => removeOrphanedOsDisks(resourceGroup, wanted.recreatedVms, pipeline));
  }
  await pipeline.group('terraform apply (reconcile)', () => terraform.apply(planFile));
  await configureCluster(
    settings,
    terraform,
    pipeline,
    wanted.recreatedVms.map((vm) => vm.hostName),
  );
}

/** Deletes the unattached OS disks deleted VMs left behind; a disk attached to anything is never touched. */
async function removeOrphanedOsDisks(resourceGroup: string, vms: readonly RecreatedVm[], pipeline: Pipeline): Promise<void> {
  const listing = await $({ nothrow: true, quiet: true })`az ${azDiskListArguments(resourceGroup)}`;
  requireSuccess(listing, `az disk list in ${resourceGroup}`, 'Sign in to Azure (azure/login) with a role that may read and delete disks in the resource group.');
  const orphans = orphanedOsDisks(JSON.parse(listing.stdout) as ManagedDisk[], vms);
  if (orphans.length === 0) return pipeline.log.info('No OS disk left behind by the deleted VMs.');
  pipeline.log.info(`Deleting OS disks the deleted VMs left behind: ${orphans.map((disk) => disk.name).join(', ')}`);
  const deletion = await $({ nothrow: true, quiet: true })`az ${azDiskDeleteArguments(orphans.map((disk) => disk.id))}`;
  requireSuccess(deletion, 'az disk delete', 'Delete the disks named above by hand, then run reconcile again; nothing else was changed.');
}

/** Outputs, inventory and Ansible after an apply; `limit`: configure only these hosts (the re-created ones). */
async function configureCluster(settings: ProvisionSettings, terraform: TerraformRoot, pipeline: Pipeline, limit?: readonly string[]): Promise<void> {
  const outputs = readVmOutputs(await terraform.outputs());
  // A root that marks an output sensitive gets it masked in every log, output and summary line after.
  for (const value of outputs.sensitiveValues) pipeline.setSecret(value);
  pipeline.setOutput('masterUrl', outputs.masterUrl);
  pipeline.setOutput('zookeeperConnect', outputs.zookeeperConnect);
  pipeline.setOutput('zookeeperDir', outputs.sparkZooKeeperDir);
  pipeline.setOutput('masterVmNames', outputs.masterVmNames.join(','));
  pipeline.setOutput('resourceGroup', outputs.resourceGroupName);
  pipeline.setOutput('workerScaleSet', outputs.workerScaleSetName);
  pipeline.setOutput('alertmanagerUrl', outputs.monitoringHost ? `http://${outputs.monitoringHost}:9093` : '');

  const workers = settings.workerScaleSetLookup ? await scaleSetWorkers(outputs, pipeline) : [];
  const keyFile = settings.sshPrivateKey ? writeSshKeyFile(pipeline, settings.sshPrivateKey) : undefined;
  const inventory = path.join(pipeline.directories.temp, 'spark-azure-inventory.yml');
  writeFileSync(inventory, azureInventory(outputs, workers, { user: settings.sshUser ?? 'azureuser', jumpHost: settings.sshJumpHost, keyFile }));
  pipeline.setOutput('inventory', inventory);
  await pipeline.appendSummary(
    `### Cluster\n\n| | |\n|---|---|\n| masters | \`${outputs.masterUrl}\` |\n| ZooKeeper | \`${outputs.zookeeperConnect}\` |\n| workers configured | ${workers.length} |\n`,
  );
  if (settings.configure && (limit === undefined || limit.length > 0)) await configure(inventory, settings.roleVariables, pipeline, limit);
}

async function configure(inventory: string, roleVariables: Readonly<Record<string, string>>, pipeline: Pipeline, limit?: readonly string[]): Promise<void> {
  const venv = await ensurePythonEnvironment('local-cluster', pipeline.directories.toolCache, pipeline.log);
  const extraArgs = [
    ...(Object.keys(roleVariables).length > 0 ? ['-e', `@${writeExtraVariablesFile(pipeline, roleVariables)}`] : []),
    ...(limit ? ['--limit', limit.join(',')] : []),
  ];
  const result = await pipeline.group('ansible-playbook site.yml', () =>
    runPlaybookWith(path.join(venv, 'bin', 'ansible-playbook'), suiteContent().root, inventory, { extraArgs }),
  );
  pipeline.log.info(result.stdout.split('\n').slice(-12).join('\n'));
  requireSuccess(result, 'ansible-playbook site.yml', 'Fix the node it names and rerun provision with command apply on a fresh plan; the playbook is idempotent.', ansibleFailures);
}

/** Worker instances and their addresses, from the scale set (az); none when az is not there. */
async function scaleSetWorkers(outputs: VmClusterOutputs, pipeline: Pipeline): Promise<{ name: string; host: string }[]> {
  const listing = await $({ nothrow: true, quiet: true })`az ${vmssInstanceIdsArguments({ resourceGroup: outputs.resourceGroupName, scaleSet: outputs.workerScaleSetName })}`;
  if (listing.exitCode !== 0) {
    pipeline.log.warning(`Could not list the workers of ${outputs.workerScaleSetName} (az exit ${listing.exitCode}); workers are not configured in this run.`);
    return [];
  }
  return (JSON.parse(listing.stdout) as { ip: string }[]).map((row) => ({ name: row.ip, host: row.ip }));
}

/** Where the plan goes: a file (its folder made when missing), never an existing folder. */
function planFilePath(given: string, pipeline: Pipeline): string {
  const planFile = userPath(pipeline, given);
  if (existsSync(planFile) && statSync(planFile).isDirectory()) {
    throw new InputError('planFile', 'a file path for the saved plan', `${describeValue(given)}, a folder`, 'Name a file, e.g. spark-azure.tfplan.');
  }
  mkdirSync(path.dirname(planFile), { recursive: true });
  return planFile;
}

/**
 * A saved plan belongs to the root and the configuration it was made from: one made in another root, or
 * before the configuration changed, is refused before anything is applied.
 */
function refuseForeignPlan(planFile: string, root: string, given: string): void {
  const read = (relative: string) => (existsSync(path.join(root, relative)) ? readFileSync(path.join(root, relative)) : undefined);
  const listTf = (relativeDir: string) => (existsSync(path.join(root, relativeDir)) ? readdirSync(path.join(root, relativeDir)).filter((file) => file.endsWith('.tf')) : []);
  let differences: string[];
  try {
    differences = planConfigurationDifferences(zipEntries(readFileSync(planFile)), read, listTf);
  } catch (error) {
    differences = [`it is no saved Terraform plan (${(error as Error).message})`];
  }
  if (differences.length > 0) {
    throw new InputError(
      'planFile',
      "a plan made from this Terraform root's configuration as it is now",
      `${describeValue(given)}, where ${differences.slice(0, 4).join('; ')}`,
      'Nothing was applied. Plan again (command plan), review it, and apply that plan.',
    );
  }
}

/**
 * One plan at a time writes a plan file: a second run planning into the same file is refused while the
 * first goes on, instead of silently replacing the plan someone is about to approve.
 */
async function withPlanLock<T>(planFile: string, plan: () => Promise<T>): Promise<T> {
  const lock = `${planFile}.lock`;
  const holder = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  try {
    writeFileSync(lock, holder, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; host: string; since: string };
    if (other.host === os.hostname() && !processLives(other.pid)) {
      writeFileSync(lock, holder);
    } else {
      throw new ClusterStateError(
        `Plan file ${planFile}`,
        'no other plan being written to it',
        `a plan by pid ${other.pid} on ${other.host} since ${other.since}`,
        'Wait for that run, or give this one its own planFile.',
      );
    }
  }
  try {
    return await plan();
  } finally {
    rmSync(lock, { force: true });
  }
}

function processLives(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
