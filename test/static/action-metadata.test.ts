import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FAULTS } from '../../src/core/drill/faults.js';
import { ACTION_NAMES } from '../../src/entries/action-registry.js';
import { ROOT } from '../support/run-bundle.js';

const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'test', 'schemas', name), 'utf8'));
const actionYaml = (name: string) => parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8'));
const taskJsonPath = (name: string) => path.join(ROOT, 'pipelines', 'tasks', name, 'task.json');

describe('action metadata', () => {
  const validateAction = new Ajv({ strict: false, allErrors: true }).compile(schema('github-action.schema.json'));

  it.each(ACTION_NAMES)('%s: action.yml is valid, runs node24 and points at its committed entry', (name) => {
    const action = actionYaml(name);
    expect(validateAction(action), JSON.stringify(validateAction.errors)).toBe(true);
    expect(action.runs).toEqual({ using: 'node24', main: 'index.cjs' });
    expect(existsSync(path.join(ROOT, 'actions', name, action.runs.main))).toBe(true);
  });

  it.each(ACTION_NAMES)('%s: input names are valid on Azure DevOps too (camelCase)', (name) => {
    for (const input of Object.keys(actionYaml(name).inputs ?? {})) expect(input).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  });

  it.each(ACTION_NAMES.filter((name) => existsSync(taskJsonPath(name))))('%s: the Azure DevOps task offers the same inputs, defaults and outputs', (name) => {
    const action = actionYaml(name);
    const task = JSON.parse(readFileSync(taskJsonPath(name), 'utf8'));
    const fromAction = Object.entries(action.inputs ?? {}).map(([input, spec]) => {
      const { required, default: defaultValue } = spec as { required?: boolean; default?: string };
      return { name: input, required: Boolean(required), defaultValue };
    });
    const fromTask = task.inputs.map((input: { name: string; required: boolean; defaultValue?: string }) => ({
      name: input.name,
      required: input.required,
      defaultValue: input.defaultValue,
    }));
    // Azure DevOps adds its service connection: a task signs in to Azure itself.
    expect(fromTask).toEqual([...fromAction, { name: 'azureSubscription', required: false, defaultValue: undefined }]);
    expect(task.outputVariables.map((output: { name: string }) => output.name)).toEqual(Object.keys(action.outputs ?? {}));
    expect(Object.keys(task.execution)).toEqual(['Node20_1', 'Node24']);
    expect(existsSync(path.join(path.dirname(taskJsonPath(name)), task.execution.Node24.target))).toBe(true);
  });

  it("the smoke-test task's pick list offers exactly the drill's faults", () => {
    const fault = JSON.parse(readFileSync(taskJsonPath('smoke-test'), 'utf8')).inputs.find((input: { name: string }) => input.name === 'fault');
    expect(Object.keys(fault.options)).toEqual(FAULTS);
  });
});
