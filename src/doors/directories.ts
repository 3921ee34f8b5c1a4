import os from 'node:os';
import path from 'node:path';

/**
 * Where spark-azure keeps what it installs, under the platform's tool cache when it has one (kept between
 * jobs on a self-hosted runner or agent), else the user's cache. SPARK_AZURE_TOOLS_DIR overrides both.
 */
export function toolCacheDirectory(platformCache: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SPARK_AZURE_TOOLS_DIR) return path.resolve(env.SPARK_AZURE_TOOLS_DIR);
  const base = platformCache || env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'spark-azure');
}
