import { describe, expect, it } from 'vitest';
import { parseLivyUrl } from '../../src/core/inputs/livy-url.js';

describe('livyUrl', () => {
  it('takes an https URL, and plain http only on loopback', () => {
    expect(parseLivyUrl('https://spark-prod-int.azurehdinsight.net/livy/')).toBe('https://spark-prod-int.azurehdinsight.net/livy');
    expect(parseLivyUrl('HTTPS://Spark-Prod.azurehdinsight.net:443/livy')).toBe('https://spark-prod.azurehdinsight.net/livy');
    expect(parseLivyUrl('http://127.0.0.1:8998/livy')).toBe('http://127.0.0.1:8998/livy');
  });

  it.each([
    [
      'http://spark-prod.azurehdinsight.net/livy',
      /^Input 'livyUrl': expected an https URL \(the gateway password goes with every request\), found "http:\/\/spark-prod\.azurehdinsight\.net\/livy"\./,
    ],
    ['https://a b/livy', /^Input 'livyUrl': expected Livy's base URL, found "https:\/\/a b\/livy"\./],
    ['https://spark-prod.azurehdinsight.net:99999/livy', /^Input 'livyUrl': expected Livy's base URL, found/],
    ['https://spark-prod.azurehdinsight.net/livy?x=1', /^Input 'livyUrl': expected Livy's base URL, without a query or fragment/],
  ])('refuses %s', (given, message) => {
    expect(() => parseLivyUrl(given)).toThrow(message);
  });

  it('refuses credentials in the URL without echoing them', () => {
    for (const given of ['https://admin:Gateway-Pass-1@spark-prod.azurehdinsight.net/livy', 'https://admin:Gateway Pass@spark prod/livy']) {
      let message = '';
      try {
        parseLivyUrl(given);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^Input 'livyUrl': expected (a URL without credentials|Livy's base URL), found a URL with a user or password in it \(not shown\)\./);
      expect(message).not.toMatch(/Gateway/);
    }
  });
});
