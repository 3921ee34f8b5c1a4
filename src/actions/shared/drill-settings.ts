import { FAULTS, type Fault, faultAccessProblem } from '../../core/drill/faults.js';
import { InputError, describeValue } from '../../core/errors.js';
import type { HostPort } from '../../core/inputs/host-port.js';
import { isHttpUrl } from '../../core/inputs/http-url.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import type { DrillOptions } from '../../operations/failover-drill.js';
import { type NodeAccess, readNodeAccess, readZooKeeperDir, readZooKeepers } from './node-access.js';
import { readRoleVariables } from './role-variables.js';
import { type TerraformRootSettings, readTerraformRootSettings } from './terraform-inputs.js';
import { AZURE_SCALE_SET } from '../../core/inputs/name-patterns.js';

/** The drill's options, plus where the cluster's ZooKeeper is and how to reach the masters. */
export interface DrillSettings extends DrillOptions {
  readonly zookeepers?: readonly HostPort[];
  readonly zookeeperDir?: string;
  readonly nodeAccess: NodeAccess;
  /** With it, the drill also checks the pager at Alertmanager. */
  readonly alertmanagerUrl?: string;
  /** Fault destroy on Azure: the Terraform root (and role variables) provision's reconcile re-creates the master from. */
  readonly reconcile?: ReconcileSettings;
  /** Fault scale on Azure: the workers' scale set. */
  readonly workerScaleSet?: string;
}

export interface ReconcileSettings extends TerraformRootSettings {
  readonly roleVariables: Readonly<Record<string, string>>;
}

/** Fault destroy's inputs on Azure: provision's, for the reconcile that re-creates the master. */
const RECONCILE_INPUTS = ['workingDirectory', 'varFile', 'variables', 'backendConfig', 'roleVariables'] as const;

/** The drill's own inputs, with their defaults (those of action.yml): they mean nothing without `failover`. */
export const DRILL_INPUT_DEFAULTS: Readonly<Record<string, string | undefined>> = {
  fault: 'kill',
  zookeepers: undefined,
  zookeeperDir: undefined,
  expectedWorkers: undefined,
  maxRecoverySeconds: '12',
  graceSeconds: '5',
  jobSeconds: '30',
  lockWaitSeconds: '60',
  pollIntervalMs: '100',
  nodeAccess: undefined,
  sshUser: undefined,
  sshPrivateKey: undefined,
  sshJumpHost: undefined,
  sshPort: '22',
  azureResourceGroup: undefined,
  masterVmNames: undefined,
  alertmanagerUrl: undefined,
  workerScaleSet: undefined,
  ...Object.fromEntries(RECONCILE_INPUTS.map((input) => [input, undefined])),
};

/** Refuses a drill input given (other than its default) to a smoke test without the drill: it would do nothing. */
export function refuseDrillInputsWithoutFailover(inputs: InputReader): void {
  for (const [input, fallback] of Object.entries(DRILL_INPUT_DEFAULTS)) {
    const given = inputs.optional(input);
    if (given !== undefined && given !== fallback) {
      throw new InputError(
        input,
        "'failover: true' (it is an input of the failover drill)",
        `it without failover`,
        `Set failover to true to run the drill, or leave ${input} out.`,
      );
    }
  }
}

export function readDrillSettings(inputs: InputReader, masters: readonly HostPort[]): DrillSettings {
  const fault = inputs.oneOf('fault', FAULTS, DRILL_INPUT_DEFAULTS.fault as Fault);
  const nodeAccess = readNodeAccess(inputs, masters);
  const problem = faultAccessProblem(fault, nodeAccess.kind);
  if (problem) throw new InputError('fault', problem.expected, problem.found, problem.fix);
  const reconcile = fault === 'destroy' && nodeAccess.kind === 'azure' ? { ...readTerraformRootSettings(inputs), roleVariables: readRoleVariables(inputs) } : undefined;
  // The Terraform root's inputs re-create a destroyed VM: with any other fault, or locally, they do nothing.
  if (!reconcile) {
    inputs.refuseIgnored(RECONCILE_INPUTS, (given) => ({
      expected: "it only with fault 'destroy' and nodeAccess 'azure' (provision's reconcile re-creates the deleted VM from it)",
      found: `it with fault '${fault}' and nodeAccess '${nodeAccess.kind}'`,
      fix: `Leave ${given} out, or run the destroy drill on Azure.`,
    }));
  }
  const scalesOnAzure = fault === 'scale' && nodeAccess.kind === 'azure';
  if (!scalesOnAzure) {
    inputs.refuseIgnored(['workerScaleSet'], () => ({
      expected: "it only with fault 'scale' and nodeAccess 'azure' (the drill scales that scale set)",
      found: `it with fault '${fault}' and nodeAccess '${nodeAccess.kind}'`,
      fix: 'Leave workerScaleSet out, or run the scale drill on Azure.',
    }));
  }
  const expectedWorkers = inputs.optional('expectedWorkers');
  const alertmanagerUrl = inputs.optional('alertmanagerUrl');
  if (alertmanagerUrl !== undefined && !isHttpUrl(alertmanagerUrl)) {
    throw new InputError('alertmanagerUrl', "Alertmanager's base URL", describeValue(alertmanagerUrl), 'e.g. http://10.0.4.4:9093 (the monitoring VM), or leave it out.');
  }
  return {
    fault,
    zookeepers: readZooKeepers(inputs, nodeAccess, 'the ZooKeeper connect string (the drill reads Spark’s leader latch)'),
    zookeeperDir: readZooKeeperDir(inputs, nodeAccess),
    expectedWorkers: expectedWorkers === undefined ? undefined : inputs.integer('expectedWorkers', 1, { min: 1, max: 10_000 }),
    maxRecoverySeconds: inputs.seconds('maxRecoverySeconds', Number(DRILL_INPUT_DEFAULTS.maxRecoverySeconds), { min: 1, max: 3600 }),
    graceSeconds: inputs.seconds('graceSeconds', Number(DRILL_INPUT_DEFAULTS.graceSeconds), { min: 0, max: 300 }),
    jobSeconds: inputs.seconds('jobSeconds', Number(DRILL_INPUT_DEFAULTS.jobSeconds), { min: 5, max: 3600 }),
    lockWaitSeconds: inputs.seconds('lockWaitSeconds', Number(DRILL_INPUT_DEFAULTS.lockWaitSeconds), { min: 0, max: 3600 }),
    pollIntervalMs: inputs.integer('pollIntervalMs', Number(DRILL_INPUT_DEFAULTS.pollIntervalMs), { min: 20, max: 5000 }),
    nodeAccess,
    alertmanagerUrl,
    reconcile,
    workerScaleSet: scalesOnAzure ? inputs.requiredName('workerScaleSet', AZURE_SCALE_SET, 'the workers’ scale set (provision outputs it as workerScaleSet)') : undefined,
  };
}
