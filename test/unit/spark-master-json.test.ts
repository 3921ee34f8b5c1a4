import { describe, expect, it } from 'vitest';
import { parseMasterJson } from '../../src/core/spark/spark-master-json.js';
import { fixture } from './fixtures.js';

describe('parseMasterJson (captured from Spark 4.3.0)', () => {
  it('reads the ALIVE master with its workers', () => {
    const master = parseMasterJson(JSON.parse(fixture('spark-4.3-master-alive.json')));
    expect(master.status).toBe('ALIVE');
    expect(master.aliveWorkers).toBe(2);
    expect(master.workers.map((worker) => [worker.host, worker.state])).toEqual([
      ['127.0.0.31', 'ALIVE'],
      ['127.0.0.32', 'ALIVE'],
    ]);
  });

  it('reads a STANDBY master, which knows no workers', () => {
    const master = parseMasterJson(JSON.parse(fixture('spark-4.3-master-standby.json')));
    expect(master.status).toBe('STANDBY');
    expect(master.workers).toEqual([]);
  });

  it('refuses a page without a known status', () => {
    expect(() => parseMasterJson({ status: 'DEAD' })).toThrow(/unknown status "DEAD"/);
    expect(() => parseMasterJson('<html>')).toThrow(/not a JSON object/);
  });
});
