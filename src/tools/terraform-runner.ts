import { $ } from 'zx/core';
import { type ToolResult, lastErrorLine, requireSuccess } from './tool-result.js';

export interface PlanResult {
  readonly hasChanges: boolean;
  /** Each resource change: address and actions (create, update, delete, ...). */
  readonly changes: readonly { readonly address: string; readonly actions: readonly string[] }[];
}

/** Terraform (or OpenTofu) in one root directory, non-interactive. */
export class TerraformRoot {
  constructor(
    private readonly cli: string,
    readonly directory: string,
  ) {}

  private run(args: string[], allowedExitCodes: number[] = [0]) {
    return $({ cwd: this.directory, nothrow: true, quiet: true, env: { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0' } })`${this.cli} ${args}`.then((result) =>
      allowedExitCodes.includes(result.exitCode ?? -1)
        ? result
        : requireSuccess(result, `terraform ${args[0]} in ${this.directory}`, 'Read the Terraform output above.', terraformError),
    );
  }

  async init(backendConfig: readonly string[]): Promise<void> {
    await this.run(['init', '-input=false', '-no-color', ...backendConfig.map((entry) => `-backend-config=${entry}`)]);
  }

  /** Plans into `planFile`; -detailed-exitcode tells "no changes" (0) from "changes" (2). */
  async plan(planFile: string, variableArgs: readonly string[]): Promise<PlanResult> {
    await this.run(['plan', '-input=false', '-no-color', '-detailed-exitcode', `-out=${planFile}`, ...variableArgs], [0, 2]);
    const shown = JSON.parse((await this.run(['show', '-json', '-no-color', planFile])).stdout) as { resource_changes?: { address: string; change: { actions: string[] } }[] };
    const changes = (shown.resource_changes ?? []).filter((change) => !change.change.actions.every((action) => action === 'no-op' || action === 'read'));
    return { hasChanges: changes.length > 0, changes: changes.map((change) => ({ address: change.address, actions: change.change.actions })) };
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

/** Terraform's own first `Error:` line, without its box drawing. */
function terraformError(result: ToolResult): string {
  return (
    result.stderr
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .find((line) => /Error:/.test(line))
      ?.replace(/^[│\s]*/, '') ?? lastErrorLine(result)
  );
}
