import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { parse } from 'yaml';
import { type ActionName, actionBody } from './action-registry.js';
import type { ActionBody } from '../core/pipeline.js';
import { cliFlag, cliPipeline } from '../doors/cli-pipeline.js';
import { runAction } from '../doors/run-action.js';
import { SECRET_INPUTS } from '../core/inputs/secret-inputs.js';
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
    if (SECRET_INPUTS.includes(input)) command.addOption(new Option(`${cliFlag(input)}-file <path>`, `read ${cliFlag(input)} from this file; - reads standard input`));
  }
  command.option('--summary-file <path>', 'append the Markdown summary to this file').action(async (given: Record<string, string>) => {
    // The local cluster fills in only what was left out: a broken local state never stands in the way.
    let secrets: Record<string, string>;
    try {
      secrets = secretsFromFiles(given);
    } catch (error) {
      console.error(`error: ${(error as Error).message}`);
      process.exitCode = 1;
      return;
    }
    const inputs: Record<string, string> = { ...(given.masters === undefined ? await options.localDefaults?.() : {}), ...given, ...secrets };
    const pipeline = cliPipeline({ get: (input) => inputs[input] }, { summaryFile: given.summaryFile });
    for (const input of SECRET_INPUTS.filter((input) => given[input] !== undefined)) {
      pipeline.log.warning(`${cliFlag(input)} on the command line is visible to other users (ps) and kept in shell history: use ${cliFlag(input)}-file instead.`);
    }
    await runAction(pipeline, options.body ?? actionBody(options.inputsOf));
  });
}

/**
 * Secret inputs given as `--<flag>-file <path>` (or `-` for standard input), so a secret need not be on the
 * command line, where other users see it in ps and the shell keeps it. Throws a one-line refusal.
 */
function secretsFromFiles(given: Readonly<Record<string, string>>): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const input of SECRET_INPUTS) {
    const file = given[`${input}File`];
    if (file === undefined) continue;
    const flag = `${cliFlag(input)}-file`;
    if (given[input] !== undefined) throw new Error(`${flag}: expected it or ${cliFlag(input)}, found both. Give the secret once, preferably from the file.`);
    try {
      secrets[input] = readFileSync(file === '-' ? 0 : file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      throw new Error(
        `${flag}: expected a readable file, found ${(error as NodeJS.ErrnoException).code ?? 'an error'} at ${file === '-' ? 'standard input' : file}. Give the path of the secret's file, or - to pipe it in.`,
      );
    }
  }
  return secrets;
}
