import { readPrivateKey } from '../../core/inputs/secret-inputs.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { readRoleVariables } from '../shared/role-variables.js';
import { type TerraformRootSettings, readTerraformRootSettings } from '../shared/terraform-inputs.js';
import { FILE_PATH, SSH_JUMP_HOST, SSH_USER } from '../../core/inputs/name-patterns.js';

export type ProvisionCommand = 'plan' | 'apply' | 'plan-and-apply' | 'reconcile';

export interface ProvisionSettings extends TerraformRootSettings {
  readonly command: ProvisionCommand;
  /** Relative to the workspace. */
  readonly planFile: string;
  readonly configure: boolean;
  readonly sshUser?: string;
  readonly sshPrivateKey?: string;
  readonly sshJumpHost?: string;
  readonly roleVariables: Readonly<Record<string, string>>;
  readonly workerScaleSetLookup: boolean;
}

export function readProvisionSettings(inputs: InputReader): ProvisionSettings {
  const command = inputs.oneOf('command', ['plan', 'apply', 'plan-and-apply', 'reconcile'] as const, 'plan');
  const configure = inputs.boolean('configure', true);
  const applies = command !== 'plan';
  // A plan configures nothing: what configures the nodes is refused there (a key would reach a step that needs none).
  if (!applies) {
    inputs.refuseIgnored(['sshUser', 'sshPrivateKey', 'sshJumpHost', 'roleVariables'], (given) => ({
      expected: "it only with a command that configures the nodes ('apply', 'plan-and-apply' or 'reconcile')",
      found: "it with command 'plan', which ignores it",
      fix: `Leave ${given} out of the plan step and give it to the apply step.`,
    }));
  }
  return {
    command,
    ...readTerraformRootSettings(inputs),
    planFile: inputs.optionalName('planFile', FILE_PATH) ?? 'spark-azure.tfplan',
    configure,
    sshUser:
      applies && configure ? inputs.requiredName('sshUser', SSH_USER, 'the admin user of the VMs, to configure them with Ansible') : inputs.optionalName('sshUser', SSH_USER),
    sshPrivateKey: readPrivateKey(inputs),
    sshJumpHost: inputs.optionalName('sshJumpHost', SSH_JUMP_HOST),
    roleVariables: readRoleVariables(inputs),
    workerScaleSetLookup: inputs.boolean('workerScaleSetLookup', true),
  };
}
