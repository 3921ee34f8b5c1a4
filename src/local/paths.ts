import path from 'node:path';
import type { PipelineDirectories } from '../core/pipeline.js';

export interface LocalPaths {
  /** Cached toolchains (Python virtual environments, the plugin), kept between runs. */
  readonly toolCache: string;
  /** The local cluster's state: topology, inventory, and per node its configuration, data and logs. */
  readonly clusterDir: string;
}

/** The local cluster lives in the workspace's `.local-cluster`, or where SPARK_AZURE_LOCAL_DIR says. */
export function localPaths(directories: PipelineDirectories, env: NodeJS.ProcessEnv = process.env): LocalPaths {
  return {
    toolCache: directories.toolCache,
    clusterDir: path.resolve(env.SPARK_AZURE_LOCAL_DIR ?? path.join(directories.workspace, '.local-cluster')),
  };
}

export function nodeDir(clusterDir: string, nodeName: string): string {
  return path.join(clusterDir, 'nodes', nodeName);
}
