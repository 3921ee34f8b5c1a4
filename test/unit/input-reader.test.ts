import { describe, expect, it } from 'vitest';
import { InputReader, recordInputSource } from '../../src/core/inputs/input-reader.js';

const reader = (record: Record<string, string>) => new InputReader(recordInputSource(record));

describe('InputReader', () => {
  it('treats an empty value as not given', () => {
    expect(reader({ a: '  ' }).optional('a')).toBeUndefined();
    expect(() => reader({ a: '' }).required('a', 'a thing', 'x')).toThrow("Input 'a': expected a thing, found nothing. Set 'a', e.g. x.");
  });

  it('reads booleans, integers, seconds and choices, with defaults', () => {
    const inputs = reader({ flag: 'TRUE', count: '3', wait: '2.5s', mode: 'Cluster' });
    expect(inputs.boolean('flag', false)).toBe(true);
    expect(inputs.boolean('missing', true)).toBe(true);
    expect(inputs.integer('count', 1, { min: 1, max: 5 })).toBe(3);
    expect(inputs.seconds('wait', 1, { min: 0, max: 10 })).toBe(2.5);
    expect(inputs.oneOf('mode', ['client', 'cluster'] as const, 'client')).toBe('cluster');
  });

  it.each([
    ['flag', 'maybe', (r: InputReader) => r.boolean('flag', false), /expected true or false, found "maybe"/],
    ['count', '7', (r: InputReader) => r.integer('count', 1, { min: 1, max: 5 }), /from 1 to 5, found "7"/],
    ['count', '2.5', (r: InputReader) => r.integer('count', 1, { min: 1, max: 5 }), /whole number/],
    ['wait', '-1', (r: InputReader) => r.seconds('wait', 1, { min: 0, max: 10 }), /seconds from 0 to 10/],
    ['mode', 'yarn', (r: InputReader) => r.oneOf('mode', ['client', 'cluster'] as const, 'client'), /one of client, cluster/],
  ])('refuses %s=%j naming the input', (name, value, read, message) => {
    expect(() => read(reader({ [name]: value }))).toThrow(new RegExp(`^Input '${name}'.*${message.source}`));
  });

  it('reads a renamed input by its old name for a release, noting it, and refuses both at once', () => {
    const old = reader({ zookeeperServers: '5' });
    expect(old.renamed('zookeeperCount', 'zookeeperServers')).toBe('zookeeperServers');
    expect(old.deprecations).toEqual([{ oldName: 'zookeeperServers', name: 'zookeeperCount' }]);
    const current = reader({ zookeeperCount: '5' });
    expect(current.renamed('zookeeperCount', 'zookeeperServers')).toBe('zookeeperCount');
    expect(current.deprecations).toEqual([]);
    expect(() => reader({ zookeeperCount: '5', zookeeperServers: '3' }).renamed('zookeeperCount', 'zookeeperServers')).toThrow(
      "Input 'zookeeperServers': expected either 'zookeeperCount' or its old name 'zookeeperServers', found both. Give 'zookeeperCount' only.",
    );
  });
});
