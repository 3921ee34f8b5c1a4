import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { installTask } from '../../scripts/stage-extension.mjs';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface BundleRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** The environment without anything a runner or agent would set, so runs do not leak into each other. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_|AGENT_|SYSTEM_|BUILD_)/.test(key)));
}

/** Runs actions/<name>/index.cjs as the GitHub runner does: `node` on the entry, inputs in INPUT_*. */
export async function runGithubAction(name: string, inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}): Promise<BundleRun> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'gh-action-'));
  const outputFile = path.join(scratch, 'output');
  const summaryFile = path.join(scratch, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  // As the runner sets them for every job: its workspace and its temp directory (the tool cache is left to the user's).
  const workspace = path.join(scratch, 'workspace');
  const temp = path.join(scratch, 'temp');
  mkdirSync(workspace);
  mkdirSync(temp);
  const env: NodeJS.ProcessEnv = {
    ...cleanEnvironment(),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: temp,
    ...extraEnv,
  };
  // The runner's rule: INPUT_ + the name upper-cased, spaces replaced by underscores.
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = await $({ env, cwd: scratch, nothrow: true, quiet: true })`node ${path.join(ROOT, 'actions', name, 'index.cjs')}`;
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseGithubOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
  };
}

/** Every line of a run's output, outputs and summary that holds one of `secrets` (the runner's ::add-mask:: lines among them). */
export function linesHoldingSecrets(run: BundleRun, secrets: readonly string[]): string[] {
  return `${run.stdout}\n${run.stderr}\n${JSON.stringify(run.outputs)}\n${run.summary}`.split('\n').filter((line) => secrets.some((secret) => line.includes(secret)));
}

/** Parses the `name<<DELIMITER ... DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseGithubOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/**
 * Runs a task as an Azure DevOps agent does: installed into `_work/_tasks/<Name>_<id>/<version>/` with only
 * its own files (staged from the repository, or taken from an unpacked .vsix), `node` on its entry, inputs
 * in INPUT_*, the agent's temp directory set. `taskDir` runs an already installed folder.
 */
export async function runAzureDevOpsTask(
  name: string,
  inputs: Record<string, string>,
  extraEnv: NodeJS.ProcessEnv = {},
  options: { unpackedExtension?: string; taskDir?: string } = {},
): Promise<BundleRun> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ado-task-'));
  const taskDir = options.taskDir ?? installTask(name, path.join(scratch, '_work'), options.unpackedExtension);
  const env: NodeJS.ProcessEnv = { ...cleanEnvironment(), AGENT_TEMPDIRECTORY: scratch, SYSTEM_DEFAULTWORKINGDIRECTORY: scratch, ...extraEnv };
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = await $({ env, cwd: scratch, nothrow: true, quiet: true })`node ${path.join(taskDir, 'index.cjs')}`;
  const outputs: Record<string, string> = {};
  for (const match of result.stdout.matchAll(/^##vso\[task\.setvariable variable=([^;]+);isOutput=true;[^\]]*\](.*)$/gm)) outputs[match[1]!] = match[2]!;
  const summaries = [...result.stdout.matchAll(/^##vso\[task\.uploadsummary\](.*)$/gm)].map((match) => readFileSync(match[1]!, 'utf8'));
  return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, outputs, summary: summaries.join('\n') };
}
