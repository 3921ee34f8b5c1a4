import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type InventoryAccess, azureInventory } from '../core/infra/azure-inventory.js';
import { type VmClusterOutputs, readVmOutputs } from '../core/infra/vm-outputs.js';
import type { Log } from '../core/log.js';
import { listScaleSetInstances } from '../azure/scale-set-instances.js';
import { ansibleFailures, runPlaybookWith } from '../tools/ansible-playbook.js';
import { ensurePythonEnvironment } from '../tools/installers.js';
import { suiteContent } from '../tools/suite-content.js';
import type { TerraformRoot } from '../tools/terraform-runner.js';
import { requireSuccess } from '../tools/tool-result.js';

/** How an operation names its steps: a log group on a platform, a plain line inside an open one. */
export type StepGroup = <T>(title: string, body: () => Promise<T>) => Promise<T>;

export interface ClusterConfiguration {
  readonly ssh: InventoryAccess;
  /** Where the inventory is written (it names no secret: role variables travel in extraVariablesFile). */
  readonly inventoryFile: string;
  /** Role variables as a 0600 JSON file for `-e @file`. */
  readonly extraVariablesFile?: string;
  /** Also list the scale set's workers with az, to configure them too. */
  readonly workerScaleSetLookup: boolean;
  /** false: outputs and inventory only, no Ansible. */
  readonly configure: boolean;
  /** Configure only these hosts (the re-created ones); none: nothing to configure. */
  readonly limit?: readonly string[];
  readonly toolCache: string;
  readonly log: Log;
  readonly group: StepGroup;
  /** Told the root's outputs and how many workers were found, before Ansible runs (outputs, masks, summary). */
  readonly published?: (outputs: VmClusterOutputs, workerCount: number) => Promise<void>;
}

/** After an apply: the root's outputs, the inventory they make, then the site playbook over it. */
export async function configureCluster(terraform: TerraformRoot, configuration: ClusterConfiguration): Promise<VmClusterOutputs> {
  const outputs = readVmOutputs(await terraform.outputs());
  const instances = configuration.workerScaleSetLookup
    ? await listScaleSetInstances({ resourceGroup: outputs.resourceGroupName, scaleSet: outputs.workerScaleSetName }, configuration.log)
    : undefined;
  const workers = (instances ?? []).map((instance) => ({ name: instance.ip, host: instance.ip }));
  writeFileSync(configuration.inventoryFile, azureInventory(outputs, workers, configuration.ssh));
  await configuration.published?.(outputs, workers.length);
  const { limit } = configuration;
  if (configuration.configure && (limit === undefined || limit.length > 0)) await runSitePlaybook(configuration, limit);
  return outputs;
}

async function runSitePlaybook(configuration: ClusterConfiguration, limit?: readonly string[]): Promise<void> {
  const venv = await ensurePythonEnvironment('local-cluster', configuration.toolCache, configuration.log);
  const extraArgs = [...(configuration.extraVariablesFile ? ['-e', `@${configuration.extraVariablesFile}`] : []), ...(limit ? ['--limit', limit.join(',')] : [])];
  const result = await configuration.group('ansible-playbook site.yml', () =>
    runPlaybookWith(path.join(venv, 'bin', 'ansible-playbook'), suiteContent().root, configuration.inventoryFile, { extraArgs }),
  );
  configuration.log.info(result.stdout.split('\n').slice(-12).join('\n'));
  requireSuccess(result, 'ansible-playbook site.yml', 'Fix the node it names and rerun provision with command apply on a fresh plan; the playbook is idempotent.', ansibleFailures);
}
