import { existsSync } from 'node:fs';
import os from 'node:os';
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
    toolsDir: toolsDir(env),
    clusterDir: path.resolve(env.SPARK_AZURE_LOCAL_DIR ?? path.join(root, '.local-cluster')),
  };
}

/**
 * Where toolchains are cached: SPARK_AZURE_TOOLS_DIR, else the checkout's .tools (GitHub runs actions from
 * a checkout), else the agent's tool cache (an Azure DevOps task folder holds no checkout).
 */
export function toolsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SPARK_AZURE_TOOLS_DIR) return path.resolve(env.SPARK_AZURE_TOOLS_DIR);
  try {
    return path.join(packageRoot(), '.tools');
  } catch {
    const cache = env.RUNNER_TOOL_CACHE ?? env.AGENT_TOOLSDIRECTORY ?? path.join(os.homedir(), '.cache');
    return path.join(cache, 'spark-azure');
  }
}

export function nodeDir(clusterDir: string, nodeName: string): string {
  return path.join(clusterDir, 'nodes', nodeName);
}
