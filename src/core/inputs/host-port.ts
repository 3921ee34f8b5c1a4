import { InputError, describeValue } from '../errors.js';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

// A DNS name, an IPv4 address, or a bracketed IPv6 address. Deliberately strict: a typo here would
// otherwise surface minutes later as an unreachable master.
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;

/** A host on this machine's loopback (the local cluster's, or a test's). */
export function isLoopback(host: string): boolean {
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === 'localhost' || host === '[::1]';
}

export function formatHostPort({ host, port }: HostPort): string {
  return `${host}:${port}`;
}

/** Parses "host,host": hosts only (no port), each a DNS name or an IP address. */
export function parseHostList(input: string, raw: string, example: string): string[] {
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !HOST.test(entry));
  if (bad !== undefined) {
    throw new InputError(
      input,
      `host names or IP addresses, comma-separated, e.g. ${example}`,
      `${bad === '' ? 'an empty entry' : describeValue(bad)} in ${describeValue(raw)}`,
      `Fix that entry, or leave ${input} out.`,
    );
  }
  return entries;
}

/**
 * Parses "host:port,host:port". `defaultPort` applies to entries without a port; without it a port is
 * required. Throws an InputError naming `input` for the first entry that does not parse.
 */
export function parseHostPortList(input: string, raw: string | undefined, options: { defaultPort?: number; example: string; what: string }): HostPort[] {
  const expected = `${options.what} as comma-separated host:port pairs, e.g. ${options.example}`;
  if (raw === undefined || raw.trim() === '') {
    throw new InputError(input, expected, 'nothing', `Set '${input}' to ${options.example}.`);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  return entries.map((entry) => {
    const match = /^(.*?)(?::(\d+))?$/.exec(entry);
    const host = match?.[1] ?? '';
    const portText = match?.[2];
    const port = portText === undefined ? options.defaultPort : Number(portText);
    if (entry === '' || !HOST.test(host) || port === undefined || !(port >= 1 && port <= 65535)) {
      throw new InputError(
        input,
        expected,
        `${entry === '' ? 'an empty entry' : describeValue(entry)} in ${describeValue(raw)}`,
        `Fix that entry (a host name or IP address, then ':' and a port from 1 to 65535), e.g. ${options.example}.`,
      );
    }
    return { host, port };
  });
}
