import { InputError, describeValue } from '../errors.js';
import { type HostPort, formatHostPort, parseHostPortList, refuseDuplicates } from './host-port.js';

export const SPARK_MASTER_PORT = 7077;
const EXAMPLE = '10.0.2.4:7077,10.0.2.5:7077 or spark://10.0.2.4:7077,10.0.2.5:7077';

/**
 * Parses a Spark standalone master list. Accepts the URL form Spark itself takes
 * (`spark://h1:7077,h2:7077`, one prefix) and the bare list; a `spark://` per entry is tolerated
 * because people copy it from the master UI.
 */
export function parseMasterList(input: string, raw: string | undefined): HostPort[] {
  const bare = (raw ?? '')
    .trim()
    .split(',')
    .map((entry) => entry.trim().replace(/^spark:\/\//i, ''))
    .join(',');
  // Anchored per entry: an unanchored scan for a scheme is quadratic over a long run of letters.
  if (bare.split(',').some((entry) => /^[a-z][a-z0-9+.-]*:\/\//i.test(entry))) {
    throw new InputError(input, `Spark masters as ${EXAMPLE}`, describeValue(raw), `Only the spark:// scheme is valid for a standalone master list.`);
  }
  const masters = parseHostPortList(input, bare, {
    defaultPort: SPARK_MASTER_PORT,
    example: EXAMPLE,
    what: 'Spark masters',
  });
  refuseDuplicates(input, raw, masters, 'Spark masters');
  return masters;
}

/** The URL spark-submit and the workers take: one scheme, every master. */
export function masterUrl(masters: readonly HostPort[]): string {
  return `spark://${masters.map(formatHostPort).join(',')}`;
}
