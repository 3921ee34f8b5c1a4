#!/usr/bin/env node
// Lays out the Azure DevOps extension as tfx packs it and as the agent installs it. An installed task folder
// is all a task has: its task.json, its two-line entry, a copy of the shared bundle, and spark-azure's own
// content (Ansible roles, Terraform roots, the Packer template, the plugin source) under infra/, so that a
// task needs no checkout of spark-azure. Versions come from package.json.
//
//   node scripts/stage-extension.mjs <directory>
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEFT_OUT = /(^|\/)(\.terraform[^/]*|terraform\.tfstate[^/]*|manifest\.json|[^/]*\.tfplan)$/;

export function packageVersion() {
  return JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}

/** Copies one task's files into `directory` (a task folder of the extension, or of the agent's _tasks). */
export function stageTask(name, directory) {
  const source = path.join(root, 'pipelines', 'tasks', name);
  mkdirSync(directory, { recursive: true });
  for (const file of readdirSync(source)) cpSync(path.join(source, file), path.join(directory, file), { recursive: true });
  const [Major, Minor, Patch] = packageVersion().split('.').map(Number);
  const task = JSON.parse(readFileSync(path.join(source, 'task.json'), 'utf8'));
  writeFileSync(path.join(directory, 'task.json'), `${JSON.stringify({ ...task, version: { Major, Minor, Patch } }, null, 2)}\n`);
  copyFileSync(path.join(root, 'dist', 'spark-azure.cjs'), path.join(directory, 'spark-azure.cjs'));
  cpSync(path.join(root, 'infra'), path.join(directory, 'infra'), { recursive: true, filter: (file) => !LEFT_OUT.test(file) });
  return directory;
}

/** The extension's folder: vss-extension.json and tasks/<name>/ for every task it lists. */
export function stageExtension(directory) {
  const manifest = JSON.parse(readFileSync(path.join(root, 'pipelines', 'vss-extension.json'), 'utf8'));
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'vss-extension.json'), `${JSON.stringify({ ...manifest, version: packageVersion() }, null, 2)}\n`);
  for (const { path: taskPath } of manifest.files) stageTask(path.basename(taskPath), path.join(directory, taskPath));
  return directory;
}

/**
 * Installs a task the way the agent does, from a task folder (of the repository, staged; or of an unpacked
 * .vsix): `_work/_tasks/<Name>_<id>/<version>/`, with no repository above it. Returns the installed folder.
 */
export function installTask(name, agentWorkDir, unpackedExtension) {
  const staged = unpackedExtension ? path.join(unpackedExtension, 'tasks', name) : stageTask(name, path.join(agentWorkDir, 'staged', name));
  const task = JSON.parse(readFileSync(path.join(staged, 'task.json'), 'utf8'));
  const version = `${task.version.Major}.${task.version.Minor}.${task.version.Patch}`;
  const installed = path.join(agentWorkDir, '_tasks', `${task.name}_${task.id}`, version);
  cpSync(staged, installed, { recursive: true });
  return installed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/stage-extension.mjs <directory>');
    process.exit(2);
  }
  console.log(stageExtension(path.resolve(target)));
}
