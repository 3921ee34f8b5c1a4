import { describe, expect, it } from 'vitest';
import { InputReader, recordInputSource } from '../../src/core/inputs/input-reader.js';
import { parseArguments, parseSparkConf, readSmokeTestSettings } from '../../src/actions/shared/smoke-test-settings.js';

const read = (record: Record<string, string>) => readSmokeTestSettings(new InputReader(recordInputSource(record)));

describe('smoke-test settings', () => {
  it('defaults to the Pi example in client mode', () => {
    const settings = read({ masters: 'spark://127.0.0.21:7077,127.0.0.22:7077' });
    expect(settings).toMatchObject({ deployMode: 'client', check: { kind: 'pi' }, timeoutSeconds: 300, masterWebUiPort: 8080 });
    expect(settings.masters).toHaveLength(2);
  });

  it('reads a user jar in cluster mode', () => {
    const settings = read({ masters: 'm1,m2', application: '/jobs/etl.jar', mainClass: 'org.example.Etl', deployMode: 'cluster', arguments: '["a b", "c"]' });
    expect(settings).toMatchObject({ deployMode: 'cluster', mainClass: 'org.example.Etl', arguments: ['a b', 'c'], check: { kind: 'exit-status' } });
  });

  it.each([
    [{}, /^Input 'masters': expected the Spark master list, found nothing/],
    [{ masters: 'm1', application: 'job.sh' }, /^Input 'application': expected a .py or .jar file/],
    [{ masters: 'm1', application: 'job.jar' }, /^Input 'mainClass'/],
    [{ masters: 'm1', deployMode: 'cluster' }, /^Input 'deployMode': expected 'client' for Python applications/],
    [{ masters: 'm1', expectedOutput: '(' }, /^Input 'expectedOutput': expected a valid regular expression/],
    [{ masters: 'm1', timeoutSeconds: 'soon' }, /^Input 'timeoutSeconds'/],
  ])('refuses %j', (record, message) => {
    expect(() => read(record as Record<string, string>)).toThrow(message);
  });

  it('parses Spark properties and refuses anything else', () => {
    expect(parseSparkConf('spark.executor.memory=1g\nspark.cores.max = 4')).toEqual({ 'spark.executor.memory': '1g', 'spark.cores.max': '4' });
    expect(() => parseSparkConf('executor.memory=1g')).toThrow(/^Input 'sparkConf'/);
    expect(() => parseSparkConf('spark.executor.memory')).toThrow(/^Input 'sparkConf'/);
    // A malformed entry is named by its number and key, never its text: the value may be a secret.
    expect(() => parseSparkConf('spark.a=1\nspark.password hunter2')).toThrow(/^Input 'sparkConf': expected one spark.key=value per line, found entry 2 without name=\./);
    expect(() => parseSparkConf('spark.a=1\nspark.password hunter2')).not.toThrow(/hunter2/);
  });

  it('splits arguments on spaces unless given as JSON', () => {
    expect(parseArguments(' 10  20 ')).toEqual(['10', '20']);
    expect(() => parseArguments('["a", 1]')).toThrow(/^Input 'arguments'/);
  });
});
