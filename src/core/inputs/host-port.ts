import { InputError, describeValue } from '../errors.js';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

// A DNS name, an IPv4 address, or a bracketed IPv6 address. Deliberately strict: a typo here would
// otherwise surface minutes later as an unreachable master.
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;

// A DNS name is at most 253 characters; with brackets, a colon and a port, 300 is generous.
const MAX_ENTRY_LENGTH = 300;

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
    // Longer than any host:port: refused before any pattern runs over it.
    if (entry.length > MAX_ENTRY_LENGTH) {
      throw new InputError(input, expected, `an entry of ${entry.length} characters`, `Give host:port entries of at most ${MAX_ENTRY_LENGTH} characters, e.g. ${options.example}.`);
    }
    const port = /:(\d+)$/.exec(entry);
    const host = port ? entry.slice(0, port.index) : entry;
    const portText = port?.[1];
    const number = portText === undefined ? options.defaultPort : Number(portText);
    if (entry === '' || !HOST.test(host) || number === undefined || !(number >= 1 && number <= 65535)) {
      throw new InputError(
        input,
        expected,
        `${entry === '' ? 'an empty entry' : describeValue(entry)} in ${describeValue(raw)}`,
        `Fix that entry (a host name or IP address, then ':' and a port from 1 to 65535), e.g. ${options.example}.`,
      );
    }
    return { host, port: number };
  });
}

/** Refuses an address listed twice: one node counted twice passes quorum and health checks it should fail. */
export function refuseDuplicates(input: string, raw: string | undefined, addresses: readonly HostPort[], what: string): void {
  const seen = new Set<string>();
  for (const address of addresses) {
    const key = formatHostPort(address);
    if (seen.has(key)) throw new InputError(input, `distinct ${what}`, `${key} twice in ${describeValue(raw)}`, `List each of the ${what} once.`);
    seen.add(key);
  }
}
