import { InputError, describeValue } from '../errors.js';
import { isLoopback } from './host-port.js';

const EXAMPLE = 'e.g. https://spark-prod-int.azurehdinsight.net/livy for private link.';

/**
 * livyUrl: Livy's base URL behind the HDInsight gateway. The gateway password goes with every request, so
 * the URL must be https (plain http only to this machine's loopback, where a test's Livy listens), and it
 * must carry no credentials of its own: those are gatewayUser and gatewayPassword, masked as secrets. A URL
 * with credentials is never echoed.
 */
export function parseLivyUrl(given: string): string {
  const shown = /@/.test(given) ? 'a URL with a user or password in it (not shown)' : describeValue(given);
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new InputError('livyUrl', "Livy's base URL", shown, EXAMPLE);
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError('livyUrl', 'a URL without credentials', shown, 'Give the user as gatewayUser and the password as gatewayPassword (a secret).');
  }
  const loopback = isLoopback(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError('livyUrl', 'an https URL (the gateway password goes with every request)', shown, EXAMPLE);
  }
  if (url.search !== '' || url.hash !== '') throw new InputError('livyUrl', "Livy's base URL, without a query or fragment", shown, EXAMPLE);
  return url.href.replace(/\/+$/, '');
}
