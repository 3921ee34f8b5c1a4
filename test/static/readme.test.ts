import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ROOT } from '../support/run-bundle.js';

const DOCUMENTS = [
  'README.md',
  'infra/README.md',
  ...readdirSync(path.join(ROOT, 'actions')).map((action) => `actions/${action}/README.md`),
  ...readdirSync(path.join(ROOT, 'docs')).map((doc) => `docs/${doc}`),
];

/** Every `npx spark-azure ...` a document shows: the command words and the --options given. */
function documentedCommands(text: string): { command: string[]; options: string[] }[] {
  const flat = text.replace(/\s+/g, ' ');
  return [...flat.matchAll(/npx spark-azure ((?:[a-z][a-z-]* ?){1,2})((?:[^`#|]*?))(?=`|#|$|\|)/g)].map((match) => {
    const words = match[1]!.trim().split(' ');
    // `local node kill master1`: only the first word after `local` is a command.
    const command = words[0] === 'local' ? words.slice(0, 2) : words.slice(0, 1);
    return { command, options: [...`${match[1]} ${match[2]}`.matchAll(/--[a-z][a-z-]*/g)].map((option) => option[0]) };
  });
}

/** The rooms a layout block lists under `src/<floor>/`: the folder names that open its indented lines. */
function documentedRooms(layout: string, floor: string): string[] {
  const lines = layout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`src/${floor}/`));
  const rooms: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    for (const word of line.trim().split(/\s+/)) {
      if (!/^[a-z-]+\/$/.test(word)) break;
      rooms.push(word.slice(0, -1));
    }
  }
  return rooms.sort();
}

describe('the READMEs', () => {
  it('show the layout of src/ as it is: every folder, and no folder that is not there', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## How the pieces fit'));
    const documented = [...layout.slice(0, layout.indexOf('\n## ', 5)).matchAll(/^src\/([a-z-]+)\//gm)].map((match) => match[1]).sort();
    const actual = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(documented).toEqual(actual);
    for (const floor of ['actions', 'core']) {
      const rooms = readdirSync(path.join(ROOT, 'src', floor), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
      expect(documentedRooms(layout, floor), `the rooms of src/${floor}/`).toEqual(rooms);
    }
  });

  it('finds the rooms a layout lists under a floor', () => {
    const layout = 'src/core/       the domain\n  drill/ rolling/   plans\n  nodes/        the port\n                more words/\nsrc/tools/      tools';
    expect(documentedRooms(layout, 'core')).toEqual(['drill', 'nodes', 'rolling']);
  });

  it('document only commands and options the CLI has', async () => {
    const invocations = DOCUMENTS.flatMap((document) => documentedCommands(readFileSync(path.join(ROOT, document), 'utf8')).map((invocation) => ({ document, ...invocation })));
    expect(invocations.map((invocation) => invocation.command.join(' '))).toEqual(
      expect.arrayContaining(['local verify', 'smoke-test', 'provision', 'image-build', 'failover-drill']),
    );
    const helps = new Map<string, string>();
    for (const { document, command, options } of invocations) {
      const key = command.join(' ');
      if (!helps.has(key)) {
        helps.set(key, (await $({ cwd: ROOT, nothrow: true, quiet: true })`node dist/cli.cjs ${command} --help`).stdout);
        // Commander answers an unknown command's --help with the top-level usage: the usage line tells them apart.
        expect(helps.get(key), `${document}: npx spark-azure ${key} is no command`).toMatch(new RegExp(`^Usage: spark-azure ${key} `));
      }
      for (const option of options) expect(helps.get(key), `${document}: npx spark-azure ${key} has no ${option}`).toContain(`${option} `);
    }
  });

  it('catch a command the CLI does not have', async () => {
    expect(documentedCommands('Run `npx spark-azure local explode --now`, then `npx spark-azure teardown`.')).toEqual([
      { command: ['local', 'explode'], options: ['--now'] },
      { command: ['teardown'], options: [] },
    ]);
    expect((await $({ cwd: ROOT, quiet: true })`node dist/cli.cjs teardown --help`).stdout).not.toMatch(/^Usage: spark-azure teardown /);
    expect((await $({ cwd: ROOT, quiet: true })`node dist/cli.cjs local up --help`).stdout).toMatch(/^Usage: spark-azure local up /);
  });
});
