import { readdirSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ACTIONLINT_VERSION, ensureActionlint } from '../support/actionlint.js';
import { ROOT } from '../support/run-bundle.js';

const WORKFLOW_DIRECTORIES = ['.github/workflows', 'examples/github', 'test/workflows/callers'];

function workflows(root: string): string[] {
  return WORKFLOW_DIRECTORIES.flatMap((directory) =>
    readdirSync(path.join(root, directory))
      .filter((file) => /\.ya?ml$/.test(file))
      .map((file) => path.join(directory, file)),
  );
}

describe(`actionlint ${ACTIONLINT_VERSION} over every workflow`, () => {
  let actionlint: string;
  beforeAll(async () => {
    actionlint = await ensureActionlint();
  });

  const lint = (root: string, files: string[]) => $({ cwd: root, nothrow: true, quiet: true })`${actionlint} -config-file .github/actionlint.yaml ${files}`;

  it('finds nothing in the reusable workflows, the examples and the test callers', async () => {
    const files = workflows(ROOT);
    expect(files.length).toBeGreaterThanOrEqual(10);
    const result = await lint(ROOT, files);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  });

  it('knows our self-hosted runner label and flags one it was not told about', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'actionlint-'));
    await cp(path.join(ROOT, '.github'), path.join(copy, '.github'), { recursive: true });
    const workflow = (label: string) => `name: t\non: push\njobs:\n  t:\n    runs-on: [self-hosted, ${label}]\n    steps:\n      - run: echo ok\n`;
    writeFileSync(path.join(copy, '.github', 'workflows', 'declared.yml'), workflow('spark-vnet'));
    writeFileSync(path.join(copy, '.github', 'workflows', 'undeclared.yml'), workflow('spark-elsewhere'));
    expect((await lint(copy, ['.github/workflows/declared.yml'])).exitCode).toBe(0);
    const undeclared = await lint(copy, ['.github/workflows/undeclared.yml']);
    expect(undeclared.exitCode).toBe(1);
    expect(undeclared.stdout).toMatch(/label "spark-elsewhere" is unknown/);
  });
});
