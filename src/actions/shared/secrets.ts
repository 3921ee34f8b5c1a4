import type { Pipeline } from '../../core/pipeline.js';

/**
 * A private key for `ssh -i`, in the run's scratch directory (the door masked it, as every input in
 * SECRET_INPUTS, before the action ran); ssh refuses one without its final newline.
 */
export function writeSshKeyFile(pipeline: Pipeline, privateKey: string): string {
  return pipeline.secretFile('ssh-key', privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
}
