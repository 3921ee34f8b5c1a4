import { InputError, describeValue } from '../errors.js';
import { type HostPort, formatHostPort, parseHostPortList, refuseDuplicates } from './host-port.js';

export const ZOOKEEPER_CLIENT_PORT = 2181;
const EXAMPLE = '10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181';

/**
 * Parses a ZooKeeper connect string. A chroot suffix (`/spark`) is refused: Spark takes its directory
 * from `spark.deploy.zookeeper.dir`, and a chroot would silently point the probes elsewhere.
 */
export function parseZooKeeperConnect(input: string, raw: string | undefined): HostPort[] {
  if (raw !== undefined && raw.includes('/')) {
    throw new InputError(
      input,
      `a ZooKeeper connect string without a chroot, e.g. ${EXAMPLE}`,
      describeValue(raw),
      `Remove the '/...' suffix; set the Spark directory with 'zookeeperDir' instead.`,
    );
  }
  const servers = parseHostPortList(input, raw, {
    defaultPort: ZOOKEEPER_CLIENT_PORT,
    example: EXAMPLE,
    what: 'ZooKeeper servers',
  });
  refuseDuplicates(input, raw, servers, 'ZooKeeper servers');
  if (servers.length % 2 === 0) {
    throw new InputError(
      input,
      'an odd number of ZooKeeper servers (3 or 5) so that a majority survives a failure',
      `${servers.length} in ${describeValue(raw)}`,
      'List every server of the ensemble exactly once.',
    );
  }
  return servers;
}

export function zookeeperConnectString(servers: readonly HostPort[]): string {
  return servers.map(formatHostPort).join(',');
}
