import { SECRET_INPUTS } from '../core/inputs/secret-inputs.js';
import { secretLines } from './masking.js';

/**
 * Registers the secret inputs with the agent's masker, line by line, before azure-pipelines-task-lib loads:
 * its input reader writes every value it reads to the debug log, and it refuses multi-line secrets.
 */
export function registerSecretInputs(env: NodeJS.ProcessEnv = process.env): void {
  for (const input of SECRET_INPUTS) {
    for (const line of secretLines(env[`INPUT_${input.toUpperCase()}`] ?? '')) console.log(`##vso[task.setsecret]${escapeData(line)}`);
  }
}

/** The agent's escaping of a logging command's data, as task-lib does it. */
function escapeData(data: string): string {
  return data.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
