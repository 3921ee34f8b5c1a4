import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { buildGoModule } from '../../src/tools/go-build.js';
import { ROOT } from './run-bundle.js';

export const ACT_VERSION = 'v0.2.89';
const STAND_INS = path.join(ROOT, 'test', 'workflows', 'stand-ins');

/**
 * nektos/act, built from the Go module proxy into the tool cache once (about 1.5 min on 2 cores), then
 * reused. Fails with what to install when Go is missing: never a silent skip.
 */
export async function ensureAct(): Promise<string> {
  const bin = path.join(cliDirectories().toolCache, 'act', ACT_VERSION, 'bin');
  const act = path.join(bin, 'act');
  if (existsSync(act)) return act;
  return buildGoModule({ module: 'github.com/nektos/act', version: ACT_VERSION, output: act });
}

/** spark-azure as a user's workflow fetches it at @v1: the tracked files of this working tree, nothing else. */
export function exportRepository(): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'spark-azure-export-'));
  for (const file of execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean)) {
    if (!existsSync(path.join(ROOT, file))) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    cpSync(path.join(ROOT, file), path.join(target, file));
  }
  return target;
}

/** A user's repository: a git checkout holding `files` (path: content). */
export function userRepository(files: Record<string, string>): string {
  const repository = mkdtempSync(path.join(os.tmpdir(), 'spark-azure-user-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repository, file)), { recursive: true });
    writeFileSync(path.join(repository, file), content);
  }
  execFileSync('git', ['init', '-q', '.'], { cwd: repository });
  execFileSync('git', ['add', '-A'], { cwd: repository });
  execFileSync('git', ['-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', 'user repository'], { cwd: repository });
  return repository;
}

export interface WorkflowRun {
  readonly exitCode: number | null;
  readonly output: string;
  /** Where the upload-artifact stand-in put each artifact: <artifacts>/<name>/. */
  readonly artifacts: string;
}

/**
 * Runs a caller workflow with act in host mode (`-P ubuntu-latest=-self-hosted`, no Docker), as GitHub
 * would run it for the user's repository: `uses: org/spark-azure/...@v1` resolves to `spark-azure` (an
 * export of this tree), third-party actions to the stand-ins. No cache or artifact server is started.
 */
export async function runWorkflow(options: {
  caller: string;
  repository: string;
  sparkAzure: string;
  vars?: Record<string, string>;
  env?: Record<string, string>;
}): Promise<WorkflowRun> {
  const act = await ensureAct();
  const artifacts = mkdtempSync(path.join(os.tmpdir(), 'spark-azure-artifacts-'));
  const map = (repository: string, folder: string) => ['--local-repository', `${repository}=${folder}`];
  const args = [
    'workflow_dispatch',
    '-W',
    path.join(ROOT, 'test', 'workflows', 'callers', options.caller),
    '-C',
    options.repository,
    '-P',
    'ubuntu-latest=-self-hosted',
    '--no-cache-server',
    ...map('org/spark-azure@v1', options.sparkAzure),
    ...map('actions/checkout@v5', path.join(STAND_INS, 'checkout')),
    ...map('actions/upload-artifact@v4', path.join(STAND_INS, 'upload-artifact')),
    ...map('actions/download-artifact@v4', path.join(STAND_INS, 'download-artifact')),
    ...map('azure/login@v2', path.join(STAND_INS, 'azure-login')),
    ...Object.entries(options.vars ?? {}).flatMap(([key, value]) => ['--var', `${key}=${value}`]),
    ...Object.entries({ STAND_IN_ARTIFACTS: artifacts, STAND_IN_CHECKOUT: options.repository, ...options.env }).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
  ];
  const result = await $({ env: { ...process.env, ACT_DISABLE_VERSION_CHECK: '1' }, nothrow: true, quiet: true })`${act} ${args}`;
  return { exitCode: result.exitCode, output: result.stdout + result.stderr, artifacts };
}

/** A workflow of the export with `from` replaced by `to`: to show that a check catches a broken workflow. */
export function breakWorkflow(sparkAzure: string, workflow: string, from: string, to: string): void {
  const file = path.join(sparkAzure, '.github', 'workflows', workflow);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${workflow} has no '${from}' to break`);
  writeFileSync(file, text.replace(from, to));
}
