import type { Pipeline } from '../../core/pipeline.js';

/**
 * A private key for `ssh -i`, in the run's scratch directory (the door masked it, as every input in
 * SECRET_INPUTS, before the action ran); ssh refuses one without its final newline.
 */
export function writeSshKeyFile(pipeline: Pipeline, privateKey: string): string {
  return pipeline.secretFile('ssh-key', privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`);
}

/**
 * Ansible extra variables (role variables, which may hold secrets, and the run's key file) as a 0600 JSON
 * file in the run's scratch directory, for `-e @file`: never on a command line, never in the inventory
 * (an output that outlives the step), gone when the run ends. JSON keeps every value a string, as `-e name=value` did.
 */
export function writeExtraVariablesFile(pipeline: Pipeline, variables: Readonly<Record<string, string>>): string {
  return pipeline.secretFile('extra-variables.json', `${JSON.stringify(variables)}\n`);
}
