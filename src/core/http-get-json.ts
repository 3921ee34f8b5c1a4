import http from 'node:http';

/**
 * GET a JSON document over plain HTTP, settled within `timeoutMs` whatever the server does: one timer
 * covers connecting, the headers and the whole body, and destroys the request when it fires. (fetch's
 * abort signal does not reliably end a body read under way on Node 20, which left probes pending.)
 */
export function httpGetJson(url: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        if (response.statusCode !== 200) return fail(new Error(`HTTP ${response.statusCode} from ${url}`));
        try {
          finish(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          fail(new Error(`${url} answered with no JSON: ${(error as Error).message}`));
        }
      });
    });
    const timer = setTimeout(() => request.destroy(new Error(`no complete answer from ${url} within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', fail);
    function finish(value: unknown): void {
      clearTimeout(timer);
      resolve(value);
    }
    function fail(error: Error): void {
      clearTimeout(timer);
      request.destroy();
      reject(error);
    }
  });
}
