import { InputError, describeValue } from '../errors.js';
import { type HostPort, formatHostPort, parseHostPortList } from './host-port.js';

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
    .map((entry) => entry.trim().replace(/^spark:\/\//, ''))
    .join(',');
  if (/[a-z]+:\/\//i.test(bare)) {
    throw new InputError(input, `Spark masters as ${EXAMPLE}`, describeValue(raw), `Only the spark:// scheme is valid for a standalone master list.`);
  }
  const masters = parseHostPortList(input, bare, {
    defaultPort: SPARK_MASTER_PORT,
    example: EXAMPLE,
    what: 'Spark masters',
  });
  const seen = new Set<string>();
  for (const master of masters) {
    const key = formatHostPort(master);
    if (seen.has(key)) {
      throw new InputError(input, `distinct Spark masters`, `${key} twice in ${describeValue(raw)}`, 'List each master once.');
    }
    seen.add(key);
  }
  return masters;
}

/** The URL spark-submit and the workers take: one scheme, every master. */
export function masterUrl(masters: readonly HostPort[]): string {
  return `spark://${masters.map(formatHostPort).join(',')}`;
}
