import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ActionableError } from '../core/errors.js';
import type { WritablePlace } from '../core/pipeline.js';

/**
 * Checks every place the run will write before the action does anything, so that a read-only temp or a
 * missing output file is one line naming it, not a failure halfway through (or after) the work.
 */
export function checkEnvironment(paths: readonly WritablePlace[]): void {
  for (const place of paths) {
    const problem = place.kind === 'directory' ? directoryProblem(place.path) : fileProblem(place.path);
    if (problem !== undefined) throw new ActionableError(`${place.label} (${place.path})`, `a writable ${place.kind}`, problem, place.fix);
  }
}

function directoryProblem(directory: string): string | undefined {
  if (!existsSync(directory)) return 'nothing there';
  if (!statSync(directory).isDirectory()) return 'a file';
  return writable(directory) ? undefined : 'a directory this user cannot write';
}

function fileProblem(file: string): string | undefined {
  if (existsSync(file)) {
    if (statSync(file).isDirectory()) return 'a directory';
    return writable(file) ? undefined : 'a file this user cannot write';
  }
  const folder = path.dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return `no folder ${folder}`;
  return writable(folder) ? undefined : `a folder this user cannot write (${folder})`;
}

function writable(where: string): boolean {
  try {
    accessSync(where, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
