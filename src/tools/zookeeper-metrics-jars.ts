import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { ActionableError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import type { SuiteContent } from './suite-content.js';
import { partialPath, publish } from './cache-entry.js';

interface Jar {
  readonly url: string;
  readonly sha256: string;
}

/**
 * ZooKeeper's Prometheus metrics provider and its simpleclient jars, as the zookeeper role lists them (one
 * list for VMs and the local cluster), downloaded once into the tool cache and checked against their sums.
 * Returns the folder that holds them.
 */
export async function ensureZooKeeperMetricsJars(content: SuiteContent, toolCache: string, log: Log): Promise<string> {
  const defaults = parse(readFileSync(path.join(content.ansibleDir, 'roles', 'zookeeper', 'defaults', 'main.yml'), 'utf8')) as { zookeeper_prometheus_jars: Jar[] };
  const jars = defaults.zookeeper_prometheus_jars;
  const directory = path.join(toolCache, 'zookeeper-prometheus', createHash('sha256').update(JSON.stringify(jars)).digest('hex').slice(0, 12));
  for (const jar of jars) {
    const file = path.join(directory, path.basename(jar.url));
    if (existsSync(file)) continue;
    log.info(`Downloading ${path.basename(jar.url)} (ZooKeeper's Prometheus metrics) into ${directory}`);
    const response = await fetch(jar.url, { signal: AbortSignal.timeout(60_000) }).catch((error: Error) => {
      throw new ActionableError(`Download of ${jar.url}`, 'the jar', error.message, 'Check that this machine reaches Maven Central, or set zookeeper_prometheus_enabled=false.');
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const sum = createHash('sha256').update(bytes).digest('hex');
    if (!response.ok || sum !== jar.sha256) {
      throw new ActionableError(
        `Download of ${jar.url}`,
        `HTTP 200 and sha256 ${jar.sha256}`,
        `HTTP ${response.status}, sha256 ${sum}`,
        'Retry; if it repeats, the file changed upstream: do not use it.',
      );
    }
    await mkdir(directory, { recursive: true });
    const partial = partialPath(file);
    await writeFile(partial, bytes);
    publish(partial, file);
  }
  return directory;
}
