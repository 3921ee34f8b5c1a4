import { ToolAnswerError } from '../core/errors.js';
import { httpJson } from '../core/http-json.js';

/** A Livy endpoint: HDInsight serves it at https://<cluster>.azurehdinsight.net/livy behind the gateway user. */
export interface LivyEndpoint {
  readonly baseUrl: string;
  readonly user: string;
  readonly password: string;
  readonly requestTimeoutMs: number;
}

/** POST /batches's body, as Livy's REST API names it. */
export interface LivyBatchRequest {
  readonly file: string;
  readonly className?: string;
  readonly args?: readonly string[];
  readonly conf?: Record<string, string>;
  readonly name?: string;
}

export interface LivyBatch {
  readonly id: number;
  readonly state: string;
  readonly appId?: string | null;
}

/** Batch states after which nothing more happens; only `success` passes. */
export const LIVY_FAILED_STATES = ['dead', 'killed', 'error'] as const;
export const LIVY_FINAL_STATES = ['success', ...LIVY_FAILED_STATES] as const;

function headers(endpoint: LivyEndpoint): Record<string, string> {
  return {
    Authorization: `Basic ${Buffer.from(`${endpoint.user}:${endpoint.password}`).toString('base64')}`,
    // Livy's CSRF protection (on in HDInsight) refuses a POST without it.
    'X-Requested-By': 'spark-azure',
  };
}

const url = (endpoint: LivyEndpoint, path: string) => `${endpoint.baseUrl.replace(/\/+$/, '')}${path}`;

export async function submitLivyBatch(endpoint: LivyEndpoint, request: LivyBatchRequest): Promise<LivyBatch> {
  const batch = (await httpJson({ method: 'POST', url: url(endpoint, '/batches'), headers: headers(endpoint), body: request, timeoutMs: endpoint.requestTimeoutMs })) as LivyBatch;
  if (typeof batch?.id !== 'number') throw new ToolAnswerError('Livy (POST /batches)', 'a batch id', JSON.stringify(batch).slice(0, 200));
  return batch;
}

export async function livyBatchState(endpoint: LivyEndpoint, id: number): Promise<string> {
  const answer = (await httpJson({ method: 'GET', url: url(endpoint, `/batches/${id}/state`), headers: headers(endpoint), timeoutMs: endpoint.requestTimeoutMs })) as {
    state?: string;
  };
  if (typeof answer?.state !== 'string') throw new ToolAnswerError(`Livy (GET /batches/${id}/state)`, 'a state', JSON.stringify(answer).slice(0, 200));
  return answer.state;
}

export async function livyBatch(endpoint: LivyEndpoint, id: number): Promise<LivyBatch> {
  return (await httpJson({ method: 'GET', url: url(endpoint, `/batches/${id}`), headers: headers(endpoint), timeoutMs: endpoint.requestTimeoutMs })) as LivyBatch;
}

/** The last `lines` lines of the batch's log (spark-submit's output as Livy kept it). */
export async function livyBatchLogTail(endpoint: LivyEndpoint, id: number, lines: number): Promise<string[]> {
  const first = (await httpJson({ method: 'GET', url: url(endpoint, `/batches/${id}/log?from=0&size=0`), headers: headers(endpoint), timeoutMs: endpoint.requestTimeoutMs })) as {
    total?: number;
  };
  const from = Math.max(0, (first.total ?? 0) - lines);
  const page = (await httpJson({
    method: 'GET',
    url: url(endpoint, `/batches/${id}/log?from=${from}&size=${lines}`),
    headers: headers(endpoint),
    timeoutMs: endpoint.requestTimeoutMs,
  })) as { log?: string[] };
  return page.log ?? [];
}
