import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Token, type Tokens, lexer } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_NAMES } from '../../src/entries/action-registry.js';
import { ROOT } from '../support/run-bundle.js';

interface ActionYaml {
  inputs?: Record<string, { required?: boolean; default?: string }>;
  outputs?: Record<string, unknown>;
}

/** The tokens of a `## <title>` section, as GitHub renders the Markdown. */
function section(markdown: string, title: string): Token[] {
  const tokens = lexer(markdown);
  const start = tokens.findIndex((token) => token.type === 'heading' && token.depth === 2 && token.text === title);
  if (start < 0) return [];
  const end = tokens.findIndex((token, index) => index > start && token.type === 'heading' && token.depth <= 2);
  return tokens.slice(start + 1, end < 0 ? undefined : end);
}

/** The one table of a section, row by row: the `names` in its first cell, and its other cells as text. */
function tableOf(tokens: Token[]): { names: string[]; cells: string[] }[] {
  const tables = tokens.filter((token): token is Tokens.Table => token.type === 'table');
  expect(tables, 'one table').toHaveLength(1);
  // A row cut off from its table (a stray blank line) renders as a paragraph of pipes.
  expect(tokens.filter((token) => token.type === 'paragraph' && token.text.trim().startsWith('|')).map((token) => (token as Tokens.Paragraph).text)).toEqual([]);
  return tables[0]!.rows.map((row) => ({ names: [...row[0]!.text.matchAll(/`([A-Za-z]+)`/g)].map((match) => match[1]!), cells: row.slice(1).map((cell) => cell.text) }));
}

describe.each(ACTION_NAMES)('actions/%s/README.md, rendered', (name) => {
  const readme = readFileSync(path.join(ROOT, 'actions', name, 'README.md'), 'utf8');
  const action = parse(readFileSync(path.join(ROOT, 'actions', name, 'action.yml'), 'utf8')) as ActionYaml;

  it('lists every input of action.yml once, with its default or that it is required', () => {
    const rows = tableOf(section(readme, 'Inputs'));
    expect(rows.flatMap((row) => row.names).sort()).toEqual(Object.keys(action.inputs ?? {}).sort());
    for (const [input, spec] of Object.entries(action.inputs ?? {})) {
      const row = rows.find((candidate) => candidate.names.includes(input))!;
      if (spec.required) expect(row.cells[0], `${input} is required`).toMatch(/required/);
      // A row listing several inputs gives one default, for the input it concerns.
      else if (spec.default !== undefined && row.names.length === 1) expect(row.cells[0], `default of ${input}`).toContain(`\`${spec.default}\``);
    }
  });

  it('lists every output of action.yml once', () => {
    expect(
      tableOf(section(readme, 'Outputs'))
        .flatMap((row) => row.names)
        .sort(),
    ).toEqual(Object.keys(action.outputs ?? {}).sort());
  });
});

describe('the README check', () => {
  it('catches a row cut off by a blank line', () => {
    const broken = '## Inputs\n\n| input | default | meaning |\n|---|---|---|\n| `a` | | x |\n\n| `b` | | y |\n';
    expect(() => tableOf(section(broken, 'Inputs'))).toThrow(/expected \[ '\| `b` \| \| y \|' \] to deeply equal \[\]/);
  });
});
