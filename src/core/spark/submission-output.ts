/** Pure readers of what spark-submit printed. */

export function applicationIdOf(output: string): string | undefined {
  return /\b(app-\d{14}-\d{4,})\b/.exec(output)?.[1];
}

export function driverIdOf(output: string): string | undefined {
  return /\b(driver-\d{14}-\d{4,})\b/.exec(output)?.[1];
}

export type ResultCheck =
  | { readonly kind: 'pi' }
  | { readonly kind: 'pattern'; readonly pattern: RegExp }
  /** Only the exit status and the master's record of the application decide. */
  | { readonly kind: 'exit-status' };

export interface ResultVerdict {
  readonly ok: boolean;
  /** What the job produced: the Pi estimate, or the text that matched the pattern. */
  readonly result?: string;
  readonly reason: string;
}

export const PI_BOUNDS = { low: 3.0, high: 3.3 };
const BOUNDS = `[${PI_BOUNDS.low.toFixed(1)}, ${PI_BOUNDS.high.toFixed(1)}]`;

/** Pi must lie in [3.0, 3.3]; a user pattern must match the driver's output. */
export function checkResult(stdout: string, check: ResultCheck): ResultVerdict {
  if (check.kind === 'exit-status') return { ok: true, reason: 'exit status 0' };
  if (check.kind === 'pattern') {
    const match = check.pattern.exec(stdout);
    return match
      ? { ok: true, result: match[1] ?? match[0], reason: `output matched ${check.pattern}` }
      : { ok: false, reason: `the driver output does not match ${check.pattern}` };
  }
  const estimate = /Pi is roughly (-?\d+(?:\.\d+)?)/.exec(stdout)?.[1];
  if (estimate === undefined) return { ok: false, reason: "the driver printed no 'Pi is roughly' line" };
  const value = Number(estimate);
  return value >= PI_BOUNDS.low && value <= PI_BOUNDS.high
    ? { ok: true, result: estimate, reason: `Pi estimate ${estimate} lies in ${BOUNDS}` }
    : { ok: false, result: estimate, reason: `Pi estimate ${estimate} lies outside ${BOUNDS}` };
}

/** The drill job's own count of its failed tasks (from its REST API); undefined when it printed none. */
export function failedTasksOf(stdout: string): number | undefined {
  const match = /^Failed tasks: (\d+)$/m.exec(stdout);
  return match ? Number(match[1]) : undefined;
}
