import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { InputError, describeValue } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';

/** A path the user gave, relative to their workspace (the checkout of the job), or absolute. */
export function userPath(pipeline: Pipeline, given: string): string {
  return path.resolve(pipeline.directories.workspace, given);
}

/**
 * A file the user named in `input`, checked before anything is installed or touched: a missing file or a
 * directory is refused naming the input, not found later by the tool that reads it.
 */
export function userFile(pipeline: Pipeline, input: string, given: string, expected: string): string {
  const file = userPath(pipeline, given);
  const found = !existsSync(file) ? 'which does not exist' : !statSync(file).isFile() ? 'which is not a file' : undefined;
  if (found)
    throw new InputError(
      input,
      `${expected}, a file in the workspace`,
      `${describeValue(given)}, ${found}`,
      'Give its path relative to the workspace (the checkout of the job), or an absolute one.',
    );
  return file;
}
