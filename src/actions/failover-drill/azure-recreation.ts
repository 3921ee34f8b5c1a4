import { mkdtemp, rm } from 'node:fs/promises';
import { SET_BY_PROVISION, ephemeralRootVariables } from '../../core/infra/cluster-secret.js';
import path from 'node:path';
import type { MasterNode } from '../../core/cluster/topology.js';
import type { NodeRecreation } from '../../core/drill/drill-cluster.js';
import type { Pipeline } from '../../core/pipeline.js';
import { type StepGroup, configureCluster } from '../../operations/cluster-configuration.js';
import { reconcileCluster } from '../../operations/reconcile.js';
import { ensureTerraformCli } from '../../tools/terraform-cli.js';
import { TerraformRoot } from '../../tools/terraform-runner.js';
import type { ReconcileSettings } from '../shared/drill-settings.js';
import type { NodeAccess } from '../shared/node-access.js';
import { writeExtraVariablesFile, writeSshKeyFile } from '../shared/secrets.js';
import { backendConfigFiles, checkTerraformRootInputs, terraformRootDirectory, varFilesOf } from '../shared/terraform-inputs.js';

/** A VM's creation, its first boot and Ansible's configuration of it: minutes; past this the drill is cancelled. */
const AZURE_RECREATION_SECONDS = 2400;

/**
 * Fault destroy on Azure: the master's VM is deleted (az vm delete), then reconcile on the user's Terraform
 * root re-creates it with its name and IP and Ansible configures it alone, exactly as provision's `command:
 * reconcile` would. Nothing of it becomes an output of the drill's step.
 */
export function azureRecreation(
  deleteVm: (node: MasterNode) => Promise<void>,
  settings: ReconcileSettings,
  access: Extract<NodeAccess, { kind: 'azure' }>,
  pipeline: Pipeline,
): NodeRecreation {
  // Before the drill destroys anything: a re-creation that would be refused must not start.
  checkTerraformRootInputs(settings, pipeline, SET_BY_PROVISION);
  // The drill's own group is open: name the steps instead of nesting groups.
  const group: StepGroup = (title, body) => {
    pipeline.log.info(`reconcile: ${title}`);
    return body();
  };
  return {
    destroy: deleteVm,
    recreate: async () => {
      // What reconcile writes (the plan, which holds the variables' values, and the inventory) goes to a
      // directory of its own, removed with the re-creation.
      const scratch = await mkdtemp(path.join(pipeline.directories.temp, 'spark-azure-drill-reconcile-'));
      const root = await terraformRootDirectory(settings, pipeline);
      try {
        const ephemeral = ephemeralRootVariables();
        const terraform = new TerraformRoot(await ensureTerraformCli(pipeline.directories.toolCache, pipeline.log), root.directory, ephemeral);
        const backendFiles = backendConfigFiles(settings.backendConfig, pipeline);
        await group('terraform init', () => terraform.init(backendFiles));
        const recreated = await reconcileCluster({
          terraform,
          planFile: path.join(scratch, 'reconcile.tfplan'),
          varFiles: varFilesOf(settings, pipeline),
          variables: settings.variables,
          log: pipeline.log,
          group,
          configure: async (hosts) => {
            await configureCluster(terraform, {
              ssh: { user: access.ssh.user, jumpHost: access.ssh.jumpHost, keyFile: access.privateKey ? writeSshKeyFile(pipeline, access.privateKey) : undefined },
              inventoryFile: path.join(scratch, 'inventory.yml'),
              extraVariablesFile: Object.keys(settings.roleVariables).length > 0 ? writeExtraVariablesFile(pipeline, settings.roleVariables) : undefined,
              // Only a master is re-created: the workers' addresses play no part in configuring it.
              workerScaleSetLookup: false,
              configure: true,
              limit: hosts,
              toolCache: pipeline.directories.toolCache,
              log: pipeline.log,
              group,
              published: async (outputs) => {
                for (const value of outputs.sensitiveValues) pipeline.setSecret(value);
              },
            });
          },
        });
        return `provision's reconcile re-created ${recreated.map((vm) => vm.hostName).join(',') || 'no VM'}`;
      } finally {
        await root.release();
        await rm(scratch, { recursive: true, force: true });
      }
    },
    timeLimitSeconds: AZURE_RECREATION_SECONDS,
  };
}
