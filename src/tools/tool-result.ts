import { ActionableError } from '../core/errors.js';

/** What a finished external command left: its exit code and output. */
export interface ToolResult {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The tool's own words for its failure: the last line it wrote to stderr, with its exit code. */
export function lastErrorLine(result: ToolResult): string {
  const line = result.stderr.trim().split('\n').at(-1)?.trim();
  return `exit ${result.exitCode}${line ? `: ${line}` : ''}`;
}

/**
 * Returns the result when the command exited 0; otherwise throws one actionable line naming the command,
 * what the tool said (`found`, by default its last error line) and what to do.
 */
export function requireSuccess<T extends ToolResult>(result: T, what: string, fix: string, found: (result: T) => string = lastErrorLine): T {
  if (result.exitCode === 0) return result;
  throw new ActionableError(what, 'to succeed', found(result), fix);
}
