#!/usr/bin/env node
// Committed bundle bytes and cold start per action: the time from spawning `node` on an action's entry,
// as its platform runs it, to the first line it prints. Each run gets an input the action refuses at
// once, so the figure is loading and starting the bundle, nothing else.
//
//   node bench/bundles.mjs [checkout] [runs]     (checkout defaults to this one; runs to 15)
//
// Works on checkouts before and after the shared bundle: it finds the entries each layout has.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './results.mjs';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const runs = Number(process.argv[3] ?? 15);
const ACTIONS = { 'smoke-test': { masters: '' }, 'rolling-update': { masters: '' }, provision: { command: 'destroy' }, 'image-build': { template: 'nope.pkr.hcl' } };

const committed = execFileSync('git', ['-C', root, 'ls-files', '*.cjs'], { encoding: 'utf8' }).split('\n').filter(Boolean);
const bundleBytes = committed.reduce((sum, file) => sum + statSync(path.join(root, file)).size, 0);

/** The GitHub entry of an action, and an installed Azure DevOps task folder (the task's files only). */
function entries(name) {
  const github = ['index.cjs', 'dist/index.cjs'].map((file) => path.join(root, 'actions', name, file)).find(existsSync);
  const taskSource = path.join(root, 'pipelines', 'tasks', name);
  const installed = mkdtempSync(path.join(os.tmpdir(), 'bench-task-'));
  cpSync(taskSource, installed, { recursive: true });
  const shared = path.join(root, 'dist', 'spark-azure.cjs');
  if (existsSync(path.join(installed, 'index.cjs')) && existsSync(shared)) cpSync(shared, path.join(installed, 'spark-azure.cjs'));
  const task = ['index.cjs', 'dist/index.cjs'].map((file) => path.join(installed, file)).find(existsSync);
  return { github, task, cleanup: () => rmSync(installed, { recursive: true, force: true }) };
}

function firstLineMs(entry, inputs, platformEnv) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_|AGENT_)/.test(key)));
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'bench-start-'));
  Object.assign(env, platformEnv(scratch));
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [entry], { env, cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] });
    let first;
    child.stdout.on('data', () => {
      first ??= Number(process.hrtime.bigint() - started) / 1e6;
    });
    child.on('error', reject);
    child.on('close', () => {
      rmSync(scratch, { recursive: true, force: true });
      first === undefined ? reject(new Error(`${entry} printed nothing`)) : resolve(first);
    });
  });
}

const rows = [];
for (const [name, inputs] of Object.entries(ACTIONS)) {
  const { github, task, cleanup } = entries(name);
  const measure = async (entry, platformEnv) => {
    const times = [];
    for (let run = 0; run < runs; run++) times.push(await firstLineMs(entry, inputs, platformEnv));
    return median(times);
  };
  const githubMs = await measure(github, (scratch) => ({ GITHUB_OUTPUT: path.join(scratch, 'out'), GITHUB_ACTIONS: 'true' }));
  const taskMs = await measure(task, (scratch) => ({ AGENT_TEMPDIRECTORY: scratch }));
  cleanup();
  rows.push(`| ${name} | ${githubMs.toFixed(0)} ms | ${taskMs.toFixed(0)} ms |`);
}

console.log(
  `Checkout: ${root} (${execFileSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()}), node ${process.version}, ${runs} runs each, medians`,
);
console.log(`Committed bundles: ${committed.length} files, ${(bundleBytes / 1e6).toFixed(2)} MB\n`);
console.log('| action | GitHub: node start to first line | Azure DevOps task (installed folder) |');
console.log('|---|---|---|');
for (const row of rows) console.log(row);
