// What must happen before azure-pipelines-task-lib loads: it reads (and logs) inputs and writes to the agent's temp as it loads.
import { secretsInInputs } from '../core/inputs/secret-inputs.js';
import { checkEnvironment } from './environment-check.js';
import { secretLines } from './masking.js';

/**
 * Registers the secret inputs (and the secrets inside settings and URL inputs) with the agent's masker, line by line, before azure-pipelines-task-lib loads:
 * its input reader writes every value it reads to the debug log, and it refuses multi-line secrets.
 */
export function registerSecretInputs(env: NodeJS.ProcessEnv = process.env): void {
  for (const secret of secretsInInputs((input) => env[`INPUT_${input.toUpperCase()}`])) {
    for (const line of secretLines(secret)) console.log(`##vso[task.setsecret]${escapeData(line)}`);
  }
}

/**
 * Checks the agent's temp directory before azure-pipelines-task-lib loads: task-lib writes a key file there
 * as it loads, and when it cannot, it reports "Unhandled: ENOENT" and the process exits 0. Returns false
 * (the task failed, with one line naming the variable) when the directory is not writable.
 */
export function agentTempIsWritable(env: NodeJS.ProcessEnv = process.env): boolean {
  const temp = env.AGENT_TEMPDIRECTORY;
  if (!temp) return true;
  try {
    checkEnvironment([{ label: 'Agent.TempDirectory', path: temp, kind: 'directory', fix: AGENT_TEMP_FIX }]);
    return true;
  } catch (error) {
    const message = escapeData((error as Error).message);
    console.log(`##vso[task.issue type=error;]${message}`);
    console.log(`##vso[task.complete result=Failed;]${message}`);
    process.exitCode = 1;
    return false;
  }
}

export const AGENT_TEMP_FIX = 'The agent sets it to a writable directory: check the agent (or its container) setup.';

/** The agent's escaping of a logging command's data, as task-lib does it. */
function escapeData(data: string): string {
  return data.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
