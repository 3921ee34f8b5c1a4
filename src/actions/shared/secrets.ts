import type { Pipeline } from '../../core/pipeline.js';

/** A private key for `ssh -i`, masked, in the run's scratch directory; ssh refuses one without its final newline. */
export function writeSshKeyFile(pipeline: Pipeline, privateKey: string): string {
  pipeline.setSecret(privateKey);
  return pipeline.secretFile('ssh-key', privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
}
