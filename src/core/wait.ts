import { CancelledError, cancellation } from './cancellation.js';

export interface WaitOptions<T> {
  readonly timeoutMs: number;
  readonly intervalMs: number;
  /** Called with every observation, e.g. to journal it or to log progress. */
  readonly onObservation?: (value: T, elapsedMs: number) => void;
}

export interface WaitResult<T> {
  readonly satisfied: boolean;
  readonly last: T;
  readonly elapsedMs: number;
}

/**
 * Observes until `satisfied` holds or the timeout passes. Always returns the last observation, so a
 * caller that timed out can say what it saw instead of just "timed out".
 */
export async function waitUntil<T>(observe: () => Promise<T>, satisfied: (value: T) => boolean, options: WaitOptions<T>): Promise<WaitResult<T>> {
  const started = performance.now();
  for (;;) {
    cancellation.throwIfCancelled();
    const last = await observe();
    const elapsedMs = performance.now() - started;
    options.onObservation?.(last, elapsedMs);
    if (satisfied(last)) return { satisfied: true, last, elapsedMs };
    if (elapsedMs >= options.timeoutMs) return { satisfied: false, last, elapsedMs };
    await sleep(Math.min(options.intervalMs, Math.max(0, options.timeoutMs - elapsedMs)));
  }
}

/** Sleeps; a cancel of the run ends the sleep with a CancelledError (but not during cleanup). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    if (cancellation.cancelled) return reject(new CancelledError(cancellation.reason));
    const stopListening = cancellation.onCancel(() => {
      clearTimeout(timer);
      reject(new CancelledError(cancellation.reason));
    });
    const timer = setTimeout(() => {
      stopListening();
      resolve();
    }, ms);
  });
}

/** An `onObservation` that reports only when `key` of the observation (a job's state, say) changes. */
export function onChange<T>(key: (value: T) => string, report: (changed: string) => void, initial?: string): (value: T) => void {
  let last = initial;
  return (value) => {
    const current = key(value);
    if (current !== last) report(current);
    last = current;
  };
}
