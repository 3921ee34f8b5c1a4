import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The spark-azure checkout that holds the Ansible roles, found by walking up from this file. Works from
 * the sources, from the CLI bundle in dist/ and from an action's bundle in actions/<name>/dist/.
 */
export function packageRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(directory, 'infra', 'ansible', 'site.yml'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('cannot find the spark-azure checkout (infra/ansible/site.yml) above this program');
    directory = parent;
  }
}

export interface LocalPaths {
  readonly root: string;
  /** Cached toolchains (Python virtual environments), kept between runs. */
  readonly toolsDir: string;
  /** The local cluster's state: topology, inventory, and per node its configuration, data and logs. */
  readonly clusterDir: string;
}

export function localPaths(env: NodeJS.ProcessEnv = process.env): LocalPaths {
  const root = packageRoot();
  return {
    root,
    toolsDir: path.resolve(env.SPARK_AZURE_TOOLS_DIR ?? path.join(root, '.tools')),
    clusterDir: path.resolve(env.SPARK_AZURE_LOCAL_DIR ?? path.join(root, '.local-cluster')),
  };
}

export function nodeDir(clusterDir: string, nodeName: string): string {
  return path.join(clusterDir, 'nodes', nodeName);
}
