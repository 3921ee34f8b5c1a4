import { AsyncLocalStorage } from 'node:async_hooks';
import { ActionableError } from './errors.js';

/** The run was interrupted (a runner's cancel or timeout, Ctrl-C): what it was doing has been stopped. */
export class CancelledError extends ActionableError {
  constructor(readonly reason: string) {
    super(
      'spark-azure',
      'to run to its end',
      `it interrupted by ${reason}`,
      'The running tool was stopped and the cleanup above ran (restores, lock, temporary secrets); check the cluster before rerunning.',
    );
  }
}

const controller = new AbortController();
const cleaningUp = new AsyncLocalStorage<boolean>();

/**
 * The one cancellation of this process. Waits and sleeps end with a CancelledError once it is cancelled,
 * except inside `cleanUp`, where restoring a node or releasing a lock must still wait for what it needs.
 */
export const cancellation = {
  get cancelled(): boolean {
    return controller.signal.aborted && !cleaningUp.getStore();
  },
  /** What cancelled the run: a signal's name, or a time limit. */
  get reason(): string {
    return String(controller.signal.reason);
  },
  cancel(reason: string): void {
    if (!controller.signal.aborted) controller.abort(reason);
  },
  throwIfCancelled(): void {
    if (cancellation.cancelled) throw new CancelledError(cancellation.reason);
  },
  /** Resolves when the run is cancelled (never inside cleanUp). */
  onCancel(listener: () => void): () => void {
    if (cleaningUp.getStore()) return () => {};
    controller.signal.addEventListener('abort', listener, { once: true });
    return () => controller.signal.removeEventListener('abort', listener);
  },
  /**
   * Runs `body` under an overall time limit: past it, the run is cancelled as by a signal (the running
   * tool is stopped, waits end, cleanup runs) and the CancelledError names the limit.
   */
  async within<T>(limitMs: number, what: string, body: () => Promise<T>): Promise<T> {
    const timer = setTimeout(() => cancellation.cancel(`the time limit of ${what} (${Math.round(limitMs / 1000)} s)`), limitMs);
    try {
      return await body();
    } finally {
      clearTimeout(timer);
    }
  },
  /** Runs cleanup that must finish even after a cancel; the caller bounds it. */
  cleanUp<T>(body: () => Promise<T>): Promise<T> {
    return cleaningUp.run(true, body);
  },
};
