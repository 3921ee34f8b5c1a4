import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run-bundle.js';

// Both example pipelines change or fault production: Azure DevOps runs a pipeline of a GitHub-hosted
// repository for every pull request unless it says `pr: none`.
describe('the example Azure DevOps pipelines', () => {
  const examples = readdirSync(path.join(ROOT, 'pipelines')).filter((file) => file.endsWith('.example.yml'));

  it.each(examples)('%s never runs for a pull request', (file) => {
    const pipeline = parse(readFileSync(path.join(ROOT, 'pipelines', file), 'utf8'));
    expect(pipeline.pr).toBe('none');
  });

  it('are both there', () => {
    expect(examples.sort()).toEqual(['azure-pipelines.example.yml', 'chaos-pipeline.example.yml']);
  });
});
