import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A test harness stand-in for Apache Livy's batch REST API (no Livy for Spark 3 can be installed from the
 * registries this suite reaches), answering exactly as Livy's REST documentation shapes it: POST /batches →
 * 201 with a Batch; GET /batches/{id}/state → {id, state}; GET /batches/{id} → the Batch;
 * GET /batches/{id}/log?from&size → {id, from, total, log}. Listens on 127.0.0.1 only; records every request.
 */
export interface LivyStandIn {
  readonly url: string;
  readonly requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body?: unknown }[];
  close(): Promise<void>;
}

export async function startLivyStandIn(options: { states: string[]; log: string[]; user: string; password: string }): Promise<LivyStandIn> {
  const requests: LivyStandIn['requests'] = [];
  let polls = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: request.method ?? '', path: request.url ?? '', headers: request.headers, body: text ? JSON.parse(text) : undefined });
      const send = (status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const expected = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
      if (request.headers.authorization !== expected) return send(401, { msg: 'Unauthorized' });
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const state = () => options.states[Math.min(polls, options.states.length - 1)] ?? 'starting';
      if (request.method === 'POST' && url.pathname === '/livy/batches') {
        // Livy's CSRF protection: a POST without X-Requested-By is refused.
        if (!request.headers['x-requested-by']) return send(400, { msg: 'Missing Required Header for CSRF protection.' });
        return send(201, {
          id: 7,
          name: null,
          owner: null,
          proxyUser: null,
          state: 'starting',
          appId: null,
          appInfo: { driverLogUrl: null, sparkUiUrl: null },
          log: ['stdout: ', '\nstderr: '],
        });
      }
      if (request.method === 'GET' && url.pathname === '/livy/batches/7/state') {
        const answer = { id: 7, state: state() };
        polls += 1;
        return send(200, answer);
      }
      if (request.method === 'GET' && url.pathname === '/livy/batches/7')
        return send(200, { id: 7, state: state(), appId: 'application_1700000000000_0007', appInfo: {}, log: [] });
      if (request.method === 'GET' && url.pathname === '/livy/batches/7/log') {
        const from = Number(url.searchParams.get('from') ?? 0);
        const size = Number(url.searchParams.get('size') ?? 100);
        return send(200, { id: 7, from, total: options.log.length, log: options.log.slice(from, from + size) });
      }
      send(404, { msg: `no route ${request.method} ${url.pathname}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/livy`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
