import type { InputReader } from '../../core/inputs/input-reader.js';
import { parseKeyValueLines } from '../../core/inputs/key-value-lines.js';
import { readRoleVariables } from '../rolling-update/settings.js';

export type ProvisionCommand = 'plan' | 'apply' | 'plan-and-apply' | 'reconcile';

/** The Terraform root and what it is planned with: provision's inputs, and the destroy drill's on Azure. */
export interface TerraformRootSettings {
  /** The user's Terraform root, relative to the workspace; undefined: spark-azure's own envs/vm. */
  readonly workingDirectory?: string;
  readonly varFile?: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly backendConfig: readonly string[];
}

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
    planFile: inputs.optional('planFile') ?? 'spark-azure.tfplan',
    configure,
    sshUser: applies && configure ? inputs.required('sshUser', 'the admin user of the VMs, to configure them with Ansible', 'azureuser') : inputs.optional('sshUser'),
    sshPrivateKey: inputs.optional('sshPrivateKey'),
    sshJumpHost: inputs.optional('sshJumpHost'),
    roleVariables: readRoleVariables(inputs),
    workerScaleSetLookup: inputs.boolean('workerScaleSetLookup', true),
  };
}

export function readTerraformRootSettings(inputs: InputReader): TerraformRootSettings {
  return {
    workingDirectory: inputs.optional('workingDirectory'),
    varFile: inputs.optional('varFile'),
    variables: parseVariables(inputs.optional('variables')),
    backendConfig: (inputs.optional('backendConfig') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** Terraform variables, one `name=value` per line (values may hold `;`). */
function parseVariables(raw: string | undefined): Record<string, string> {
  return parseKeyValueLines('variables', raw, {
    key: /^[A-Za-z_][A-Za-z0-9_-]*$/,
    semicolons: false,
    expected: 'one Terraform variable per line as name=value',
    example: 'image_id=/subscriptions/.../versions/1.2.3',
  });
}
