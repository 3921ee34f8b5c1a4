import { ClusterStateError } from '../core/errors.js';
import { type RecreatedVm, readReconcilePlan } from '../core/infra/reconcile-plan.js';
import { readVmOutputs } from '../core/infra/vm-outputs.js';
import type { Log } from '../core/log.js';
import { removeOrphanedOsDisks } from '../azure/managed-disks.js';
import { withPlanLock } from '../tools/plan-file.js';
import { type TerraformRoot, planSummary } from '../tools/terraform-runner.js';
import type { StepGroup } from './cluster-configuration.js';

export interface Reconcile {
  readonly terraform: TerraformRoot;
  readonly planFile: string;
  readonly varFiles: readonly string[];
  readonly variables: Readonly<Record<string, string>>;
  readonly log: Log;
  readonly group: StepGroup;
  /** Told which VMs the plan re-creates, once it is known to only create. */
  readonly planned?: (vms: readonly RecreatedVm[]) => void;
  /** Configures the re-created hosts only (Ansible --limit), after the apply. */
  readonly configure: (hosts: readonly string[]) => Promise<void>;
}

/**
 * Re-creates what was destroyed outside Terraform and configures only that: a plan that does anything but
 * create is refused untouched; OS disks the deleted VMs left behind are removed first (they would stop the
 * re-creation); then the plan is applied and the re-created nodes are configured. Provision's `command:
 * reconcile` and the destroy drill on Azure both run it. Returns the re-created VMs.
 */
export async function reconcileCluster(run: Reconcile): Promise<readonly RecreatedVm[]> {
  const { terraform, planFile, log, group } = run;
  const plan = await group('terraform plan (reconcile)', () => withPlanLock(planFile, () => terraform.plan(planFile, { varFiles: run.varFiles, variables: run.variables })));
  const wanted = readReconcilePlan(plan.changes);
  if (wanted.otherChanges.length > 0) {
    throw new ClusterStateError(
      'Reconcile',
      'a plan that only creates what is missing',
      `a plan that also changes ${wanted.otherChanges.map((change) => `${change.address} (${change.actions.join(', ')})`).join(', ')}`,
      'Nothing was changed. Review the plan with command plan and apply it with command apply, behind your approval gate.',
    );
  }
  run.planned?.(wanted.recreatedVms);
  if (!plan.hasChanges) {
    log.info('Every resource exists: nothing to re-create.');
    return [];
  }
  log.info(`Re-creating ${wanted.recreatedVms.map((vm) => vm.vmName).join(', ') || 'no VM'} (${planSummary(plan)})`);
  if (wanted.recreatedVms.length > 0) {
    const resourceGroup = readVmOutputs(await terraform.outputs()).resourceGroupName;
    await group('orphaned OS disks', () => removeOrphanedOsDisks(resourceGroup, wanted.recreatedVms, log));
  }
  await group('terraform apply (reconcile)', () => terraform.apply(planFile));
  await run.configure(wanted.recreatedVms.map((vm) => vm.hostName));
  return wanted.recreatedVms;
}
