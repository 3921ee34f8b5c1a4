import { describe, expect, it } from 'vitest';
import { driverConf, sparkSubmitArguments } from '../../src/core/spark/spark-submit.js';
import { applicationIdOf, checkResult, driverIdOf } from '../../src/core/spark/submission-output.js';

describe('spark-submit arguments', () => {
  it('puts options before the application and its arguments after', () => {
    expect(
      sparkSubmitArguments({
        masterUrl: 'spark://a:7077,b:7077',
        application: '/jobs/etl.jar',
        mainClass: 'org.example.Etl',
        arguments: ['--day', '2026-11-23'],
        deployMode: 'cluster',
        name: 'etl',
        conf: { 'spark.executor.memory': '2g' },
      }),
    ).toEqual([
      '--master',
      'spark://a:7077,b:7077',
      '--deploy-mode',
      'cluster',
      '--name',
      'etl',
      '--class',
      'org.example.Etl',
      '--conf',
      'spark.executor.memory=2g',
      '/jobs/etl.jar',
      '--day',
      '2026-11-23',
    ]);
  });

  it('pins a client-mode driver to loopback only when the whole cluster is on loopback', () => {
    expect(driverConf(['127.0.0.21', '127.0.0.22'], undefined)).toEqual({ 'spark.driver.host': '127.0.0.1', 'spark.driver.bindAddress': '127.0.0.1' });
    expect(driverConf(['10.0.2.4', '127.0.0.22'], undefined)).toEqual({});
    expect(driverConf(['10.0.2.4'], '10.0.9.9')).toEqual({ 'spark.driver.host': '10.0.9.9', 'spark.driver.bindAddress': '10.0.9.9' });
  });
});

describe('submission output', () => {
  const log = '26/11/23 21:54:41 INFO StandaloneSchedulerBackend: Connected to Spark cluster with app ID app-20261123215441-0000';

  it('finds application and driver ids', () => {
    expect(applicationIdOf(log)).toBe('app-20261123215441-0000');
    expect(driverIdOf('Driver successfully submitted as driver-20261123215441-0003')).toBe('driver-20261123215441-0003');
    expect(applicationIdOf('no id here')).toBeUndefined();
  });

  it('accepts Pi only between 3.0 and 3.3', () => {
    expect(checkResult('Pi is roughly 3.138720\n', { kind: 'pi' })).toMatchObject({ ok: true, result: '3.138720' });
    expect(checkResult('Pi is roughly 4.000000\n', { kind: 'pi' })).toMatchObject({ ok: false, result: '4.000000' });
    expect(checkResult('done\n', { kind: 'pi' })).toMatchObject({ ok: false, reason: "the driver printed no 'Pi is roughly' line" });
  });

  it('takes the first group of a user pattern as the result', () => {
    expect(checkResult('rows written: 42\n', { kind: 'pattern', pattern: /rows written: (\d+)/m })).toMatchObject({ ok: true, result: '42' });
    expect(checkResult('rows written: none\n', { kind: 'pattern', pattern: /rows written: (\d+)/m }).ok).toBe(false);
  });
});
