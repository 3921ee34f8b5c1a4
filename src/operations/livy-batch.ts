import type { Log } from '../core/log.js';
import { onChange, waitUntil } from '../core/wait.js';
import {
  LIVY_FAILED_STATES,
  LIVY_FINAL_STATES,
  type LivyBatchRequest,
  type LivyEndpoint,
  livyBatch,
  livyBatchLogTail,
  livyBatchState,
  submitLivyBatch,
} from '../azure/livy-client.js';

export interface LivyBatchReport {
  readonly passed: boolean;
  readonly batchId: number;
  readonly state: string;
  readonly applicationId?: string;
  readonly durationSeconds: number;
  readonly reason: string;
  /** The end of the batch's log, when it did not succeed. */
  readonly logTail: readonly string[];
}

/**
 * Submits a batch through Livy and polls its state until it is final or the time limit passes: `success`
 * passes; `dead`, `killed` or `error` fail with the tail of the batch's log, as does running out of time.
 */
export async function runLivyBatch(endpoint: LivyEndpoint, request: LivyBatchRequest, limits: { timeoutMs: number; intervalMs: number }, log: Log): Promise<LivyBatchReport> {
  const started = performance.now();
  const submitted = await submitLivyBatch(endpoint, request);
  log.info(`Livy batch ${submitted.id} submitted (${submitted.state})`);
  const outcome = await waitUntil(
    () => livyBatchState(endpoint, submitted.id),
    (state) => (LIVY_FINAL_STATES as readonly string[]).includes(state),
    {
      timeoutMs: limits.timeoutMs,
      intervalMs: limits.intervalMs,
      onObservation: onChange(
        (state) => state,
        (state) => log.info(`Livy batch ${submitted.id}: ${state}`),
        submitted.state,
      ),
    },
  );
  const state = outcome.last;
  const applicationId = (await livyBatch(endpoint, submitted.id).catch(() => submitted)).appId ?? undefined;
  const durationSeconds = Math.round((performance.now() - started) / 100) / 10;
  if (state === 'success') return { passed: true, batchId: submitted.id, state, applicationId, durationSeconds, reason: `batch ${submitted.id} succeeded`, logTail: [] };
  const logTail = await livyBatchLogTail(endpoint, submitted.id, 40).catch((error: Error) => [`(the batch log could not be read: ${error.message})`]);
  const reason = (LIVY_FAILED_STATES as readonly string[]).includes(state)
    ? `batch ${submitted.id} ended ${state}`
    : `batch ${submitted.id} still ${state} after ${Math.round(limits.timeoutMs / 1000)} s`;
  return { passed: false, batchId: submitted.id, state, applicationId, durationSeconds, reason, logTail };
}
