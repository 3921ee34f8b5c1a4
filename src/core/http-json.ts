import http from 'node:http';
import https from 'node:https';

export interface HttpJsonRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly url: string;
  readonly timeoutMs: number;
  readonly headers?: Record<string, string>;
  /** Sent as JSON. */
  readonly body?: unknown;
}

/**
 * One HTTP(S) request answered with JSON, settled within `timeoutMs` whatever the server does: one timer
 * covers connecting, the headers and the whole body, and settles the promise itself before destroying the
 * request, so no lost event can leave it pending. (fetch's abort signal did not reliably end a body read
 * under way on Node 20: a probe left pending held a drill and its maintenance lock for good.) Any status
 * other than 2xx fails, naming the status and the start of the answer (never the request's headers).
 */
export function httpJson(request: HttpJsonRequest): Promise<unknown> {
  const { url, timeoutMs } = request;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const fail = (error: Error) => {
      settle(() => reject(error));
      outgoing.destroy();
    };
    const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers = { Accept: 'application/json', ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }), ...request.headers };
    const client = url.startsWith('https:') ? https : http;
    const outgoing = client.request(url, { method: request.method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('aborted', () => fail(new Error(`${url} closed the connection mid-answer`)));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        if (status < 200 || status > 299) return fail(new Error(`HTTP ${status} from ${request.method} ${url}${text.trim() ? `: ${text.trim().slice(0, 300)}` : ''}`));
        try {
          const body = JSON.parse(text);
          settle(() => resolve(body));
        } catch (error) {
          fail(new Error(`${url} answered with no JSON: ${(error as Error).message}`));
        }
      });
    });
    const timer = setTimeout(() => fail(new Error(`no complete answer from ${url} within ${timeoutMs} ms`)), timeoutMs);
    outgoing.on('error', fail);
    outgoing.end(payload);
  });
}
