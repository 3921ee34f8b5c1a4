import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { partialPath, publish } from '../../src/tools/cache-entry.js';

// Two processes building one tool-cache entry at once (parallel test files on a fresh cache) once failed:
// one renamed the shared .partial away under the other.
describe('a tool-cache entry built by two processes at once', () => {
  it('is built under a name of its own process', () => {
    expect(partialPath('/cache/packer/bin/packer')).toBe(`/cache/packer/bin/packer.${process.pid}.partial`);
  });

  it('a file: the later one replaces the earlier, whole', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'cache-entry-'));
    const target = path.join(cache, 'packer');
    writeFileSync(path.join(cache, 'a.partial'), 'first');
    writeFileSync(path.join(cache, 'b.partial'), 'second');
    publish(path.join(cache, 'a.partial'), target);
    publish(path.join(cache, 'b.partial'), target);
    expect(readFileSync(target, 'utf8')).toBe('second');
  });

  it('a directory: the first one in place is kept, the later one removed', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'cache-entry-'));
    const target = path.join(cache, 'zookeeper_3.8.0');
    for (const [name, content] of [
      ['a.partial', 'first'],
      ['b.partial', 'second'],
    ]) {
      mkdirSync(path.join(cache, name!));
      writeFileSync(path.join(cache, name!, 'file'), content!);
    }
    publish(path.join(cache, 'a.partial'), target);
    publish(path.join(cache, 'b.partial'), target);
    expect(readFileSync(path.join(target, 'file'), 'utf8')).toBe('first');
    expect(existsSync(path.join(cache, 'b.partial'))).toBe(false);
  });
});
