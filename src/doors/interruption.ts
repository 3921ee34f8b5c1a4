import { cancellation } from '../core/cancellation.js';
import type { Log } from '../core/log.js';
import { forwardSignalToTools } from '../tools/child-processes.js';

/** After a cancel, cleanup (restores, the lock, temporary secrets) gets this long before the process exits. */
const CLEANUP_LIMIT_MS = 120_000;

/**
 * A runner's cancel or timeout (SIGINT, then SIGTERM) or Ctrl-C: the running tool gets the signal, the
 * run's waits end with a CancelledError so that its cleanup runs, and the process exits non-zero once
 * that is done, or after CLEANUP_LIMIT_MS at the latest. A second signal ends the process at once.
 * Returns the function that stops listening.
 */
let listening = false;

export function handleInterruptions(log: Log): () => void {
  // One listener per process: the command line runs actions through runAction, which asks again.
  if (listening) return () => {};
  listening = true;
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      log.warning(`${signal} again: exiting now, cleanup unfinished.`);
      process.exit(130);
    }
    interrupted = true;
    const tools = forwardSignalToTools(signal);
    log.warning(
      `Interrupted by ${signal}: ${tools.length > 0 ? `passed it on to ${tools.length} running tool processes; ` : ''}cleaning up (at most ${CLEANUP_LIMIT_MS / 1000} s).`,
    );
    cancellation.cancel(signal);
    process.exitCode = 130;
    setTimeout(() => {
      log.warning(`Cleanup did not finish within ${CLEANUP_LIMIT_MS / 1000} s: exiting.`);
      process.exit(130);
    }, CLEANUP_LIMIT_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A cancel from within (an operation's time limit) stops the running tools as a signal would.
  const stopWatching = cancellation.onCancel(() => {
    if (!interrupted) forwardSignalToTools('SIGTERM');
  });
  return () => {
    stopWatching();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    listening = false;
  };
}
