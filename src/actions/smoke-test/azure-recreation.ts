import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { MasterNode } from '../../core/cluster/topology.js';
import type { NodeRecreation } from '../../core/drill/drill-cluster.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { NodeAccess } from '../shared/node-access.js';
import { runProvision } from '../provision/index.js';
import type { ReconcileSettings } from './drill-settings.js';

/** A VM's creation, its first boot and Ansible's configuration of it: minutes; past this the drill is cancelled. */
const AZURE_RECREATION_SECONDS = 2400;

/**
 * Fault destroy on Azure: the master's VM is deleted (az vm delete), then provision's reconcile on the
 * user's Terraform root re-creates it with its name and IP and Ansible configures it alone, exactly as
 * `command: reconcile` would. Provision's outputs are not the smoke test's: they are kept out of them.
 */
export function azureRecreation(
  deleteVm: (node: MasterNode) => Promise<void>,
  settings: ReconcileSettings,
  access: Extract<NodeAccess, { kind: 'azure' }>,
  pipeline: Pipeline,
): NodeRecreation {
  return {
    destroy: deleteVm,
    recreate: async () => {
      // What provision leaves for later steps (the plan, which holds the variables' values, and the inventory)
      // goes to a directory of its own, removed with the re-creation.
      const scratch = await mkdtemp(path.join(pipeline.directories.temp, 'spark-azure-drill-reconcile-'));
      const outputs = new Map<string, string>();
      const reconcilePipeline: Pipeline = {
        ...pipeline,
        directories: { ...pipeline.directories, temp: scratch },
        setOutput: (name, value) => void outputs.set(name, value),
        appendSummary: async () => {},
        // The drill's own group is open: name the steps instead of nesting groups.
        group: (title, body) => {
          pipeline.log.info(`reconcile: ${title}`);
          return body();
        },
      };
      try {
        await runProvision(
          {
            command: 'reconcile',
            ...settings,
            planFile: path.join(scratch, 'reconcile.tfplan'),
            configure: true,
            sshUser: access.ssh.user,
            sshPrivateKey: access.privateKey,
            sshJumpHost: access.ssh.jumpHost,
            // Only a master is re-created: the workers' addresses play no part in configuring it.
            workerScaleSetLookup: false,
          },
          reconcilePipeline,
        );
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
      return `provision's reconcile re-created ${outputs.get('reconciledNodes') || 'no VM'}`;
    },
    timeLimitSeconds: AZURE_RECREATION_SECONDS,
  };
}
