import { existsSync, renameSync, rmSync } from 'node:fs';

/**
 * Where a process writes a tool-cache entry before it is complete: a name of its own, since two processes
 * (parallel test files, two jobs on one runner) may build the same entry at once on a fresh cache, and a
 * shared `.partial` was renamed away under the other one.
 */
export function partialPath(target: string): string {
  return `${target}.${process.pid}.partial`;
}

/**
 * Moves a complete entry into place. A file replaces whatever is there (rename is atomic); a directory that
 * another process put in place first is kept, and this one removed.
 */
export function publish(partial: string, target: string): void {
  try {
    renameSync(partial, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && existsSync(target)) return rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}
