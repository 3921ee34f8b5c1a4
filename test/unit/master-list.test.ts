import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { masterUrl, parseMasterList } from '../../src/core/inputs/master-list.js';
import { parseZooKeeperConnect, zookeeperConnectString } from '../../src/core/inputs/zookeeper-connect.js';

describe('parseMasterList', () => {
  it.each([
    ['10.0.2.4:7077,10.0.2.5:7077', ['10.0.2.4:7077', '10.0.2.5:7077']],
    ['spark://10.0.2.4:7077,10.0.2.5:7077', ['10.0.2.4:7077', '10.0.2.5:7077']],
    ['spark://m1:7077, spark://m2:7078', ['m1:7077', 'm2:7078']],
    ['master-1.internal', ['master-1.internal:7077']],
    ['SPARK://10.0.2.4:7077,10.0.2.5', ['10.0.2.4:7077', '10.0.2.5:7077']],
    ['[::1]:7077,[fd00::5]', ['[::1]:7077', '[fd00::5]:7077']],
  ])('reads %s', (raw, expected) => {
    expect(parseMasterList('masters', raw).map((m) => `${m.host}:${m.port}`)).toEqual(expected);
  });

  it('builds the one-prefix URL Spark takes', () => {
    expect(masterUrl(parseMasterList('masters', '10.0.2.4,10.0.2.5:7078'))).toBe('spark://10.0.2.4:7077,10.0.2.5:7078');
  });

  it.each([
    ['', /Input 'masters': expected Spark masters .* found nothing/],
    ['10.0.2.4:7077,,10.0.2.5', /found an empty entry in "10.0.2.4:7077,,10.0.2.5"/],
    ['10.0.2.4:70777', /found "10.0.2.4:70777"/],
    ['http://10.0.2.4:8080', /Only the spark:\/\/ scheme/],
    ['m1:7077,m1:7077', /m1:7077 twice/],
    ['bad host:7077', /"bad host:7077"/],
  ])('refuses %j with one line naming the input', (raw, message) => {
    let error: unknown;
    try {
      parseMasterList('masters', raw);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    const line = (error as InputError).oneLine();
    expect(line).toMatch(message);
    expect(line).toMatch(/^Input 'masters'/);
    expect(line).not.toContain('\n');
  });
});

describe('an oversized master list', () => {
  it('is refused by the length of its entry, without echoing it whole', () => {
    const huge = `${'a'.repeat(100_000)}:7077`;
    let message = '';
    try {
      parseMasterList('masters', huge);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      "Input 'masters': expected Spark masters as comma-separated host:port pairs, e.g. 10.0.2.4:7077,10.0.2.5:7077 or spark://10.0.2.4:7077,10.0.2.5:7077, found an entry of 100005 characters. Give host:port entries of at most 300 characters, e.g. 10.0.2.4:7077,10.0.2.5:7077 or spark://10.0.2.4:7077,10.0.2.5:7077.",
    );
  });
});

describe('parseZooKeeperConnect', () => {
  it('reads three servers and defaults the port', () => {
    expect(zookeeperConnectString(parseZooKeeperConnect('zookeepers', 'zk1,zk2:2182,10.0.1.6'))).toBe('zk1:2181,zk2:2182,10.0.1.6:2181');
  });

  it.each([
    ['zk1:2181,zk2:2181', /odd number of ZooKeeper servers/],
    [
      'zk1:2181,zk2:2181,zk1',
      /^Input 'zookeepers': expected distinct ZooKeeper servers, found zk1:2181 twice in "zk1:2181,zk2:2181,zk1"\. List each of the ZooKeeper servers once\.$/,
    ],
    ['zk1:2181,zk2:2181,zk3:2181/spark', /without a chroot/],
    ['zk1:2181;zk2:2181;zk3:2181', /found "zk1:2181;zk2:2181;zk3:2181"/],
    [undefined, /found nothing/],
  ])('refuses %j', (raw, message) => {
    expect(() => parseZooKeeperConnect('zookeepers', raw)).toThrow(message);
  });
});
