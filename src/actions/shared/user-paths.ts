import path from 'node:path';
import type { Pipeline } from '../../core/pipeline.js';

/** A path the user gave, relative to their workspace (the checkout of the job), or absolute. */
export function userPath(pipeline: Pipeline, given: string): string {
  return path.resolve(pipeline.directories.workspace, given);
}
