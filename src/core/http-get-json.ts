import { httpJson } from './http-json.js';

/** GET a JSON document, settled within `timeoutMs` whatever the server does (see httpJson). */
export function httpGetJson(url: string, timeoutMs: number): Promise<unknown> {
  return httpJson({ method: 'GET', url, timeoutMs });
}
