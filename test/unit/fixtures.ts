import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Replies captured from the real local cluster (ZooKeeper 3.8.0, Spark 4.3.0). */
export function fixture(name: string): string {
  return readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
}
