import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ACTION_NAMES } from '../../src/entries/action-registry.js';
import { exportRepository } from '../support/act.js';
import { ROOT } from '../support/run-bundle.js';

const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

describe('releases', () => {
  it('keep the extension and every task at the version of package.json', () => {
    const version = json('package.json').version as string;
    expect(json('pipelines/vss-extension.json').version).toBe(version);
    for (const name of ACTION_NAMES) {
      const task = json(`pipelines/tasks/${name}/task.json`).version;
      expect(`${task.Major}.${task.Minor}.${task.Patch}`, name).toBe(version);
    }
  });

  it('tag the full version, move the major tag to it, and refuse to tag the same version twice', async () => {
    const clone = exportRepository();
    const git = (...args: string[]) => execFileSync('git', args, { cwd: clone, encoding: 'utf8' }).trim();
    git('init', '-q', '.');
    git('add', '-A');
    git('-c', 'user.email=test@localhost', '-c', 'user.name=test', 'commit', '-qm', 'release candidate');
    // Hard links: a copy of node_modules in the clone at no cost (a symbolic link would change the bundle's paths).
    execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules')]);
    const env = { ...process.env, GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@localhost', GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@localhost' };
    const first = await $({ cwd: clone, env, nothrow: true, quiet: true })`node scripts/release.mjs`;
    expect(first.exitCode, first.stderr).toBe(0);
    const version = json('package.json').version as string;
    const head = git('rev-parse', 'HEAD');
    expect(git('rev-parse', `v${version}^{commit}`)).toBe(head);
    expect(git('rev-parse', `v${version.split('.')[0]}^{commit}`)).toBe(head);
    const again = await $({ cwd: clone, env, nothrow: true, quiet: true })`node scripts/release.mjs`;
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain(`release: v${version} exists already`);
  });
});
