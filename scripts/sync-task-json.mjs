#!/usr/bin/env node
// Derives the inputs and output variables of pipelines/tasks/<action>/task.json from actions/<action>/action.yml,
// so both platforms offer the same inputs (Azure DevOps adds azureSubscription, its service connection). Usage: node scripts/sync-task-json.mjs smoke-test
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = process.argv[2];
const action = parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'));
const taskFile = path.join(root, 'pipelines', 'tasks', name, 'task.json');
const task = JSON.parse(readFileSync(taskFile, 'utf8'));
const MULTI_LINE = new Set(['sparkConf', 'sshPrivateKey', 'roleVariables', 'variables', 'backendConfig']);
const CHOICES = {
  deployMode: ['client', 'cluster'],
  fault: ['kill', 'crash', 'stop', 'restart', 'vm-restart', 'vm-deallocate', 'scale', 'destroy'],
  nodeAccess: ['local', 'ssh', 'azure'],
  updateMethod: ['local', 'ansible', 'command', 'reimage'],
  command: ['plan', 'apply', 'plan-and-apply', 'reconcile'],
};
const BOOLEAN = new Set(['failover', 'dryRun', 'force', 'configure', 'workerScaleSetLookup']);

task.inputs = Object.entries(action.inputs ?? {}).map(([input, spec]) => ({
  name: input,
  type: BOOLEAN.has(input) ? 'boolean' : CHOICES[input] ? 'pickList' : MULTI_LINE.has(input) ? 'multiLine' : 'string',
  label: input,
  required: Boolean(spec.required),
  helpMarkDown: spec.description,
  ...(spec.default !== undefined ? { defaultValue: spec.default } : {}),
  ...(CHOICES[input] ? { options: Object.fromEntries(CHOICES[input].map((choice) => [choice, choice])) } : {}),
}));
// Azure DevOps only: each task signs in with a service connection itself (src/doors/azure-devops-service-connection.ts).
task.inputs.push({
  name: 'azureSubscription',
  type: 'connectedService:AzureRM',
  label: 'Azure subscription',
  required: false,
  helpMarkDown: 'Azure Resource Manager service connection (workload identity federation or a service principal secret). The task signs in itself; empty: no Azure sign-in.',
});
task.outputVariables = Object.entries(action.outputs ?? {}).map(([output, spec]) => ({ name: output, description: spec.description }));
writeFileSync(taskFile, `${JSON.stringify(task, null, 2)}\n`);
