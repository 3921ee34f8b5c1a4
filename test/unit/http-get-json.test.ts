import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpGetJson } from '../../src/core/http-get-json.js';

// A master probe must settle within its time limit whatever the server does: a probe left pending once
// held a drill and its maintenance lock for good.
describe('httpGetJson', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });
  const serve = async (handler: Parameters<typeof createServer>[1]) => {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/json/`;
  };

  it('reads a JSON answer', async () => {
    const url = await serve((_, response) => response.writeHead(200).end('{"status":"ALIVE"}'));
    await expect(httpGetJson(url, 1000)).resolves.toEqual({ status: 'ALIVE' });
  });

  it.each([
    ['stalls after the headers', (response: import('node:http').ServerResponse) => response.writeHead(200).flushHeaders()],
    ['stalls in the middle of the body', (response: import('node:http').ServerResponse) => response.writeHead(200).write('{"status":')],
    ['never answers', () => {}],
  ])('rejects in time when the server %s', async (_, behave) => {
    const url = await serve((_, response) => behave(response));
    // Settled by its own timer (the message says so), not by the test's time limit.
    await expect(httpGetJson(url, 300)).rejects.toThrow(/no complete answer .* within 300 ms/);
  });

  it('rejects when the server drops the connection mid-answer, or answers no JSON', async () => {
    const dropping = await serve((request, response) => {
      response.writeHead(200).write('{"sta');
      setTimeout(() => request.socket.destroy(), 20);
    });
    await expect(httpGetJson(dropping, 2000)).rejects.toThrow();
    server?.close();
    const garbled = await serve((_, response) => response.writeHead(200).end('<html>'));
    await expect(httpGetJson(garbled, 2000)).rejects.toThrow(/answered with no JSON/);
  });
});
