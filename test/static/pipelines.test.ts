import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_NAMES } from '../../src/entries/action-registry.js';
import { ROOT } from '../support/run-bundle.js';

const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'test', 'schemas', name), 'utf8'));
const yamlFiles = (directory: string) =>
  readdirSync(path.join(ROOT, directory), { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.yml'))
    .map((file) => path.join(directory, file));

const actionInputs = Object.fromEntries(ACTION_NAMES.map((name) => [name, Object.keys(parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')).inputs ?? {})]));
interface TaskJson {
  name: string;
  version: { Major: number };
  inputs: { name: string; required: boolean }[];
}
const taskJsons: TaskJson[] = ACTION_NAMES.map((name) => JSON.parse(readFileSync(path.join(ROOT, 'pipelines', 'tasks', name, 'task.json'), 'utf8')));
const tasks = Object.fromEntries(taskJsons.map((task) => [`${task.name}@${task.version.Major}`, task.inputs.map((input) => input.name)]));

/** The schema knows Microsoft's tasks only: add ours the way it describes those, name and inputs. */
function withSparkAzureTasks(pipelineSchema: { definitions: { task: { properties: { task: { anyOf: unknown[] } }; anyOf: unknown[] } } }) {
  for (const task of taskJsons) {
    const reference = `${task.name}@${task.version.Major}`;
    pipelineSchema.definitions.task.properties.task.anyOf.push({ enum: [reference] });
    pipelineSchema.definitions.task.anyOf.push({
      properties: {
        task: { pattern: `^${reference}$` },
        inputs: {
          properties: Object.fromEntries(task.inputs.map((input) => [input.name, { type: 'string' }])),
          additionalProperties: false,
          required: task.inputs.filter((input) => input.required).map((input) => input.name),
        },
      },
      required: ['task'],
    });
  }
  return pipelineSchema;
}

/** Every `{ key: value }` mapping in a parsed YAML document, depth first. */
function mappings(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(mappings);
  if (node && typeof node === 'object') return [node as Record<string, unknown>, ...Object.values(node).flatMap(mappings)];
  return [];
}

const reusableWorkflows = yamlFiles('.github/workflows').filter((file) => !file.endsWith('ci.yml'));
const reusableInputs = Object.fromEntries(
  reusableWorkflows.map((file) => {
    const call = parse(readFileSync(path.join(ROOT, file), 'utf8')).on.workflow_call;
    return [
      path.basename(file),
      {
        inputs: Object.keys(call.inputs ?? {}),
        required: Object.entries(call.inputs ?? {})
          .filter(([, spec]) => (spec as { required?: boolean }).required)
          .map(([input]) => input),
        secrets: Object.keys(call.secrets ?? {}),
      },
    ];
  }),
);

describe('GitHub workflows: ours (reusable, and CI) and the examples that call them', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema('github-workflow.schema.json'));
  const workflows = [...yamlFiles('.github/workflows'), ...yamlFiles('examples/github')];

  it.each(workflows)('%s is valid for GitHub (workflow parser and schema)', async (file) => {
    const content = readFileSync(path.join(ROOT, file), 'utf8');
    const result = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
    await convertWorkflowTemplate(result.context, result.value!);
    expect(result.context.errors.getErrors().map((error) => error.message)).toEqual([]);
    expect(validate(parse(content)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(reusableWorkflows)('%s passes only inputs the spark-azure actions declare', (file) => {
    const steps = mappings(parse(readFileSync(path.join(ROOT, file), 'utf8'))).filter((step) => typeof step.uses === 'string' && step.uses.startsWith('org/spark-azure/'));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      const action = /^org\/spark-azure\/actions\/([a-z-]+)@v1$/.exec(step.uses as string)?.[1];
      expect(ACTION_NAMES, `${step.uses}`).toContain(action);
      for (const input of Object.keys((step.with as object) ?? {})) expect(actionInputs[action!], `${action} has no input ${input}`).toContain(input);
    }
  });

  it.each(yamlFiles('examples/github'))('%s calls a reusable workflow of ours with inputs and secrets it declares', (file) => {
    const jobs = Object.values(parse(readFileSync(path.join(ROOT, file), 'utf8')).jobs as Record<string, { uses?: string; with?: object; secrets?: object }>);
    const calls = jobs.filter((job) => job.uses?.startsWith('org/spark-azure/'));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      const workflow = /^org\/spark-azure\/\.github\/workflows\/([a-z-]+\.yml)@v1$/.exec(call.uses!)?.[1];
      expect(Object.keys(reusableInputs), call.uses).toContain(workflow);
      const declared = reusableInputs[workflow!]!;
      for (const input of Object.keys(call.with ?? {})) expect(declared.inputs, `${workflow} has no input ${input}`).toContain(input);
      for (const input of declared.required) expect(Object.keys(call.with ?? {}), `${file} leaves out ${input}`).toContain(input);
      for (const secret of Object.keys(call.secrets ?? {})) expect(declared.secrets, `${workflow} has no secret ${secret}`).toContain(secret);
    }
  });
});

describe('Azure Pipelines templates', () => {
  const validate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(withSparkAzureTasks(schema('azure-pipelines.schema.json')));
  const files = yamlFiles('pipelines');

  it.each(files)('%s matches the Azure Pipelines schema', (file) => {
    // Strings everywhere, as the failsafe schema reads them: the Azure Pipelines schema expects that.
    const document = parse(readFileSync(path.join(ROOT, file), 'utf8'), { schema: 'failsafe' });
    expect(validate(document), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it.each(files)('%s passes only inputs the spark-azure tasks declare', (file) => {
    for (const step of mappings(parse(readFileSync(path.join(ROOT, file), 'utf8')))) {
      if (typeof step.task !== 'string' || !step.task.startsWith('SparkAzure')) continue;
      expect(Object.keys(tasks), step.task).toContain(step.task);
      for (const input of Object.keys((step.inputs as object) ?? {})) expect(tasks[step.task], `${step.task} has no input ${input}`).toContain(input);
    }
  });

  it('a typo in a task input is caught', () => {
    const broken = readFileSync(path.join(ROOT, 'pipelines', 'templates', 'chaos-job.yml'), 'utf8').replace('maxRecoverySeconds:', 'maxRecoverySecond:');
    const step = mappings(parse(broken)).find((candidate) => candidate.task === 'SparkAzureSmokeTest@0')!;
    expect(Object.keys(step.inputs as object).filter((input) => !tasks['SparkAzureSmokeTest@0']!.includes(input))).toEqual(['maxRecoverySecond']);
  });
});
