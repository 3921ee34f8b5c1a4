import http from 'node:http';

/**
 * GET a JSON document over plain HTTP, settled within `timeoutMs` whatever the server does: one timer
 * covers connecting, the headers and the whole body, and settles the promise itself before destroying the
 * request, so no lost event can leave it pending. (fetch's abort signal did not reliably end a body read
 * under way on Node 20: a probe left pending held a drill and its maintenance lock for good.)
 */
export function httpGetJson(url: string, timeoutMs: number): Promise<unknown> {
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
      request.destroy();
    };
    const request = http.get(url, { agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('aborted', () => fail(new Error(`${url} closed the connection mid-answer`)));
      response.on('end', () => {
        if (response.statusCode !== 200) return fail(new Error(`HTTP ${response.statusCode} from ${url}`));
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          settle(() => resolve(body));
        } catch (error) {
          fail(new Error(`${url} answered with no JSON: ${(error as Error).message}`));
        }
      });
    });
    const timer = setTimeout(() => fail(new Error(`no complete answer from ${url} within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', fail);
  });
}
