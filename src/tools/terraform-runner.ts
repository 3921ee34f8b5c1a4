import { $ } from 'zx/core';
import type { PlannedChange } from '../core/infra/reconcile-plan.js';
import { type ToolResult, lastErrorLine, requireSuccess } from './tool-result.js';

export interface PlanResult {
  readonly hasChanges: boolean;
  /** Each resource change: address, type, actions (create, update, delete, ...) and the planned values. */
  readonly changes: readonly PlannedChange[];
}

/** Terraform (or OpenTofu) in one root directory, non-interactive. */
export class TerraformRoot {
  /** `ephemeralVariables` go to every run, the apply of a saved plan included (a plan keeps no ephemeral value). */
  constructor(
    private readonly cli: string,
    readonly directory: string,
    private readonly ephemeralVariables: Readonly<Record<string, string>> = {},
  ) {}

  private run(args: string[], allowedExitCodes: number[] = [0], variables: Readonly<Record<string, string>> = {}) {
    // Variables travel as TF_VAR_*: a secret one on the command line would be readable by every process.
    const given = { ...this.ephemeralVariables, ...variables };
    const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', ...Object.fromEntries(Object.entries(given).map(([name, value]) => [`TF_VAR_${name}`, value])) };
    return $({ cwd: this.directory, nothrow: true, quiet: true, env })`${this.cli} ${args}`.then((result) =>
      allowedExitCodes.includes(result.exitCode ?? -1)
        ? result
        : requireSuccess(result, `terraform ${args[0]} in ${this.directory}`, 'Read the Terraform output above.', terraformError),
    );
  }

  /** `backendConfigFiles`: .hcl files (the credentials among them written to 0600 files, not passed inline). */
  async init(backendConfigFiles: readonly string[]): Promise<void> {
    await this.run(['init', '-input=false', '-no-color', ...backendConfigFiles.map((file) => `-backend-config=${file}`)]);
  }

  /** Plans into `planFile`; -detailed-exitcode tells "no changes" (0) from "changes" (2). */
  async plan(planFile: string, inputs: { varFiles: readonly string[]; variables: Readonly<Record<string, string>> }): Promise<PlanResult> {
    await this.run(
      ['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${planFile}`, ...inputs.varFiles.map((file) => `-var-file=${file}`)],
      [0, 2],
      inputs.variables,
    );
    const shown = JSON.parse((await this.run(['show', '-json', '-no-color', planFile])).stdout) as {
      resource_changes?: { address: string; type: string; change: { actions: string[]; after?: Record<string, unknown> | null } }[];
    };
    const changes = (shown.resource_changes ?? []).filter((change) => !change.change.actions.every((action) => action === 'no-op' || action === 'read'));
    return {
      hasChanges: changes.length > 0,
      changes: changes.map((change) => ({
        address: change.address,
        type: change.type,
        actions: change.change.actions,
        ...(change.change.after ? { after: change.change.after } : {}),
      })),
    };
  }

  async apply(planFile: string): Promise<void> {
    await this.run(['apply', '-input=false', '-no-color', planFile]);
  }

  async outputs(): Promise<unknown> {
    return JSON.parse((await this.run(['output', '-json', '-no-color'])).stdout);
  }
}

export function planSummary(plan: PlanResult): string {
  const count = (action: string) => plan.changes.filter((change) => change.actions.includes(action)).length;
  return `${count('create')} to add, ${count('update')} to change, ${count('delete')} to destroy`;
}

/** Terraform's own diagnostics: each `Error:` with the lines that explain it (where, which variable), boxes removed. */
export function terraformError(result: ToolResult): string {
  const lines = result.stderr
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.replace(/^[│╷╵\s]+/, '').trim());
  const errors: string[] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith('Error:')) return;
    const end = lines.findIndex((next, at) => at > index && (next.startsWith('Error:') || next.startsWith('Warning:')));
    errors.push(
      lines
        .slice(index, end < 0 ? undefined : end)
        .filter(Boolean)
        .slice(0, 6)
        .join(' '),
    );
  });
  return errors.join(' | ') || lastErrorLine(result);
}
