import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run-bundle.js';

const ROLES = path.join(ROOT, 'infra', 'ansible', 'roles');

interface Task {
  readonly name?: string;
  readonly [module: string]: unknown;
}

/** Every task of every role that creates a file or directory: its module arguments, by role and task name. */
function fileTasks(): { where: string; args: Record<string, unknown> }[] {
  const found: { where: string; args: Record<string, unknown> }[] = [];
  for (const role of readdirSync(ROLES)) {
    const tasks = path.join(ROLES, role, 'tasks');
    let files: string[];
    try {
      files = readdirSync(tasks).filter((file) => file.endsWith('.yml'));
    } catch {
      continue;
    }
    for (const file of files) {
      for (const task of (parse(readFileSync(path.join(tasks, file), 'utf8')) as Task[] | null) ?? []) {
        for (const module of ['ansible.builtin.file', 'ansible.builtin.template', 'ansible.builtin.copy']) {
          const args = task[module] as Record<string, unknown> | undefined;
          if (!args) continue;
          // A looped task: one set of arguments per item, with {{ item.x }} replaced by the item's x.
          const items = Array.isArray(task.loop) ? (task.loop as Record<string, unknown>[]) : [undefined];
          for (const item of items) {
            const resolved = Object.fromEntries(
              Object.entries(args).map(([key, value]) => [key, String(value).replace(/\{\{ item\.(\w+) \}\}/g, (_, field: string) => String(item?.[field] ?? ''))]),
            );
            found.push({ where: `${role}/${file}: ${task.name}`, args: resolved });
          }
        }
      }
    }
  }
  return found;
}

// A root service that runs a program from a directory a service user may write hands that user root.
describe('the launchers root services run', () => {
  it('live in directories and files that no service user owns', () => {
    const inBin = fileTasks().filter(({ args }) => args.state !== 'absent' && /_bin_dir \}\}/.test(String(args.path ?? args.dest ?? '')));
    expect(inBin.length).toBeGreaterThan(3);
    const owned = inBin.filter(({ args }) => !/_launcher_owner \}\}$/.test(String(args.owner ?? '')));
    expect(owned.map(({ where, args }) => `${where} (owner ${String(args.owner)})`)).toEqual([]);
  });
});
