import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { parse } from 'yaml';
import { type ActionName, actionBody } from './action-registry.js';
import type { ActionBody } from '../core/pipeline.js';
import { cliFlag, cliPipeline } from '../doors/cli-pipeline.js';
import { runAction } from '../doors/run-action.js';
import { suiteContent } from '../tools/suite-content.js';

interface ActionMetadata {
  readonly description: string;
  readonly inputs?: Record<string, { description: string; default?: string; required?: boolean }>;
}

/**
 * Adds `spark-azure <action>` with one --kebab-case option per input of the action's action.yml, so the
 * command line, GitHub and Azure DevOps offer the same inputs. `localDefaults` fills inputs the user left
 * out from the local cluster (the embedded default cluster) where the action acts on a cluster.
 */
export function addActionCommand(
  program: Command,
  options: { command: string; inputsOf: ActionName; description?: string; body?: ActionBody; localDefaults?: () => Promise<Record<string, string>>; omit?: readonly string[] },
): void {
  const metadata = parse(readFileSync(suiteContent().actionMetadata(options.inputsOf), 'utf8')) as ActionMetadata;
  const fromLocalCluster = options.localDefaults ? ' Inputs left out come from the local cluster.' : '';
  const command = program.command(options.command).description(`${options.description ?? metadata.description}${fromLocalCluster}`);
  for (const [input, spec] of Object.entries(metadata.inputs ?? {}).filter(([input]) => !options.omit?.includes(input))) {
    command.addOption(new Option(`${cliFlag(input)} <value>`, spec.description + (spec.default ? ` (default ${spec.default})` : '')));
  }
  command.option('--summary-file <path>', 'append the Markdown summary to this file').action(async (given: Record<string, string>) => {
    // The local cluster fills in only what was left out: a broken local state never stands in the way.
    const inputs: Record<string, string> = { ...(given.masters === undefined ? await options.localDefaults?.() : {}), ...given };
    await runAction(cliPipeline({ get: (input) => inputs[input] }, { summaryFile: given.summaryFile }), options.body ?? actionBody(options.inputsOf));
  });
}
