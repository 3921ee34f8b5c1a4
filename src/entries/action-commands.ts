import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { parse } from 'yaml';
import type { ActionName } from '../actions/registry.js';
import { cliPipeline } from '../doors/cli-pipeline.js';
import { type ActionBody, runAction } from '../doors/pipeline.js';
import { packageRoot } from '../local/paths.js';

interface ActionMetadata {
  readonly description: string;
  readonly inputs?: Record<string, { description: string; default?: string; required?: boolean }>;
}

/**
 * Adds `spark-azure <action>` with one --kebab-case option per input of the action's action.yml, so the
 * command line, GitHub and Azure DevOps offer the same inputs. `localDefaults` fills inputs the user left
 * out from the local cluster (the embedded default target).
 */
export function addActionCommand(
  program: Command,
  options: { command: string; inputsOf: ActionName; description?: string; body: ActionBody; localDefaults: () => Promise<Record<string, string>> },
): void {
  const metadata = parse(readFileSync(path.join(packageRoot(), 'actions', options.inputsOf, 'action.yml'), 'utf8')) as ActionMetadata;
  const command = program.command(options.command).description(`${options.description ?? metadata.description} Inputs left out come from the local cluster.`);
  for (const [input, spec] of Object.entries(metadata.inputs ?? {})) {
    const flag = input.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    command.addOption(new Option(`--${flag} <value>`, spec.description + (spec.default ? ` (default ${spec.default})` : '')));
  }
  command
    .option('--summary-file <path>', 'append the Markdown summary to this file')
    .action(async (given: Record<string, string>) => {
      const inputs: Record<string, string> = { ...(await options.localDefaults()), ...given };
      await runAction(cliPipeline({ get: (input) => inputs[input] }, { summaryFile: given.summaryFile }), options.body);
    });
}
