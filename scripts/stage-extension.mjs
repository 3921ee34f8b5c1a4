#!/usr/bin/env node
// Lays out the Azure DevOps extension as tfx packs it and as the agent installs it: each task folder holds
// its task.json, its two-line entry and a copy of the shared bundle, nothing from the repository around it.
//
//   node scripts/stage-extension.mjs <directory>
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Copies one task's files into `directory` (a task folder of the extension, or of the agent's _tasks). */
export function stageTask(name, directory) {
  const source = path.join(root, 'pipelines', 'tasks', name);
  mkdirSync(directory, { recursive: true });
  for (const file of readdirSync(source)) cpSync(path.join(source, file), path.join(directory, file), { recursive: true });
  copyFileSync(path.join(root, 'dist', 'spark-azure.cjs'), path.join(directory, 'spark-azure.cjs'));
  return directory;
}

/** The extension's folder: vss-extension.json and tasks/<name>/ for every task it lists. */
export function stageExtension(directory) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'pipelines', 'vss-extension.json'), 'utf8'));
  mkdirSync(directory, { recursive: true });
  copyFileSync(path.join(root, 'pipelines', 'vss-extension.json'), path.join(directory, 'vss-extension.json'));
  for (const { path: taskPath } of manifest.files) stageTask(path.basename(taskPath), path.join(directory, taskPath));
  return directory;
}

/**
 * Installs a task the way the agent does: `_work/_tasks/<Name>_<id>/<version>/`, with no repository above it.
 * Returns the task's folder.
 */
export function installTask(name, agentWorkDir) {
  const task = JSON.parse(readFileSync(path.join(root, 'pipelines', 'tasks', name, 'task.json'), 'utf8'));
  const version = `${task.version.Major}.${task.version.Minor}.${task.version.Patch}`;
  return stageTask(name, path.join(agentWorkDir, '_tasks', `${task.name}_${task.id}`, version));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/stage-extension.mjs <directory>');
    process.exit(2);
  }
  console.log(stageExtension(path.resolve(target)));
}
