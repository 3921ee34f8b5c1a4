import path from 'node:path';
import { SET_BY_PROVISION, ephemeralRootVariables } from '../../core/infra/cluster-secret.js';
import type { VmClusterOutputs } from '../../core/infra/vm-outputs.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { type ClusterConfiguration, configureCluster } from '../../operations/cluster-configuration.js';
import { reconcileCluster } from '../../operations/reconcile.js';
import { preparePlanFile, refuseForeignPlan, requireSavedPlan, withPlanLock } from '../../tools/plan-file.js';
import { ensureTerraformCli } from '../../tools/terraform-cli.js';
import { TerraformRoot, planSummary } from '../../tools/terraform-runner.js';
import { keepRoleVariables } from '../shared/configuration-store.js';
import { escapeCell } from '../shared/markdown.js';
import { writeExtraVariablesFile, writeSshKeyFile } from '../shared/secrets.js';
import { backendConfigFiles, checkTerraformRootInputs, terraformRootDirectory, varFilesOf } from '../shared/terraform-inputs.js';
import { userPath } from '../shared/user-paths.js';
import { type ProvisionSettings, readProvisionSettings } from './settings.js';

/**
 * The provision action: Terraform plan, then (in a later, approved job, or at once) apply of exactly that
 * plan, then Ansible configures the nodes from Terraform's outputs. Outputs what the other actions take.
 */
export async function provisionAction(pipeline: Pipeline): Promise<void> {
  const settings = readProvisionSettings(new InputReader(pipeline.inputs));
  // Checked before Terraform is installed or initialised: a refusal touches nothing.
  checkTerraformRootInputs(settings, pipeline, SET_BY_PROVISION);
  const root = await terraformRootDirectory(settings, pipeline);
  try {
    await provision(settings, root.directory, pipeline);
  } finally {
    await root.release();
  }
}

async function provision(settings: ProvisionSettings, directory: string, pipeline: Pipeline): Promise<void> {
  const ephemeral = ephemeralRootVariables();
  const planFile = preparePlanFile(userPath(pipeline, settings.planFile), settings.planFile);
  const terraform = new TerraformRoot(await ensureTerraformCli(pipeline.directories.toolCache, pipeline.log), directory, ephemeral);
  const backendFiles = backendConfigFiles(settings.backendConfig, pipeline);
  await pipeline.group('terraform init', () => terraform.init(backendFiles));
  const planInputs = { varFiles: varFilesOf(settings, pipeline), variables: settings.variables };
  if (settings.command === 'reconcile') {
    await reconcileCluster({
      terraform,
      planFile,
      ...planInputs,
      log: pipeline.log,
      group: (title, body) => pipeline.group(title, body),
      planned: (vms) => pipeline.setOutput('reconciledNodes', vms.map((vm) => vm.hostName).join(',')),
      configure: async (hosts) => void (await configureCluster(terraform, configuration(settings, pipeline, hosts))),
    });
    return;
  }

  if (settings.command !== 'apply') {
    const plan = await pipeline.group('terraform plan', () => withPlanLock(planFile, () => terraform.plan(planFile, planInputs)));
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

  requireSavedPlan(planFile, settings.planFile);
  refuseForeignPlan(planFile, directory, settings.planFile);
  await pipeline.group('terraform apply', () => terraform.apply(planFile));
  await configureCluster(terraform, configuration(settings, pipeline));
}

/** Outputs, inventory and Ansible after an apply; `limit`: configure only these hosts (the re-created ones). */
function configuration(settings: ProvisionSettings, pipeline: Pipeline, limit?: readonly string[]): ClusterConfiguration {
  const roleVariables = settings.roleVariables;
  const inventoryFile = path.join(pipeline.directories.temp, 'spark-azure-inventory.yml');
  return {
    ssh: {
      user: settings.sshUser ?? 'azureuser',
      jumpHost: settings.sshJumpHost,
      keyFile: settings.sshPrivateKey ? writeSshKeyFile(pipeline, settings.sshPrivateKey) : undefined,
    },
    inventoryFile,
    extraVariablesFile: Object.keys(roleVariables).length > 0 ? writeExtraVariablesFile(pipeline, roleVariables) : undefined,
    workerScaleSetLookup: settings.workerScaleSetLookup,
    configure: settings.configure,
    limit,
    toolCache: pipeline.directories.toolCache,
    log: pipeline.log,
    group: (title, body) => pipeline.group(title, body),
    published: async (outputs, workerCount) => {
      await publish(outputs, workerCount, inventoryFile, pipeline);
      // What this run configures, the nodes created later boot with: kept before Ansible runs.
      if (outputs.configurationStore && Object.keys(roleVariables).length > 0) await keepRoleVariables(outputs.configurationStore, roleVariables, pipeline);
    },
  };
}

/** What later steps take from provision, and the cluster's summary. */
async function publish(outputs: VmClusterOutputs, workerCount: number, inventoryFile: string, pipeline: Pipeline): Promise<void> {
  // A root that marks an output sensitive gets it masked in every log, output and summary line after.
  for (const value of outputs.sensitiveValues) pipeline.setSecret(value);
  pipeline.setOutput('masters', outputs.masterUrl);
  pipeline.setOutput('zookeepers', outputs.zookeeperConnect);
  // The old names of the two above, for one more release.
  pipeline.setOutput('masterUrl', outputs.masterUrl);
  pipeline.setOutput('zookeeperConnect', outputs.zookeeperConnect);
  pipeline.setOutput('zookeeperDir', outputs.sparkZooKeeperDir);
  pipeline.setOutput('masterVmNames', outputs.masterVmNames.join(','));
  pipeline.setOutput('resourceGroup', outputs.resourceGroupName);
  pipeline.setOutput('workerScaleSet', outputs.workerScaleSetName);
  pipeline.setOutput('alertmanagerUrl', outputs.monitoringHost ? `http://${outputs.monitoringHost}:9093` : '');
  pipeline.setOutput('inventory', inventoryFile);
  pipeline.setOutput('configurationStore', outputs.configurationStore ? `${outputs.configurationStore.keyVaultName}/${outputs.configurationStore.secretName}` : '');
  await pipeline.appendSummary(
    `### Cluster\n\n| | |\n|---|---|\n| masters | \`${outputs.masterUrl}\` |\n| ZooKeeper | \`${outputs.zookeeperConnect}\` |\n| workers configured | ${workerCount} |\n`,
  );
}
