import { ActionableError } from '../core/errors.js';

const FILESYSTEM_CODES: Readonly<Record<string, string>> = {
  ENOTDIR: 'a file where a folder should be',
  EACCES: 'no permission to write',
  EPERM: 'no permission to write',
  EROFS: 'a read-only file system',
  ENOSPC: 'no space left',
  EDQUOT: 'the disk quota used up',
};

/**
 * A failed write under the tool cache, as one actionable line: the cache is not checked up front (a
 * read-only cache with every tool already in it is a valid setup), so the first install that cannot write
 * says where and how to fix it instead of "a bug".
 */
export function toolCacheError(error: unknown, toolCache: string): ActionableError | undefined {
  const { code, path } = (error ?? {}) as { code?: string; path?: string };
  const found = code === undefined ? undefined : FILESYSTEM_CODES[code];
  if (found === undefined || typeof path !== 'string' || !path.startsWith(toolCache)) return undefined;
  return new ActionableError(
    `The tool cache (${toolCache})`,
    'a directory spark-azure can install its tools into',
    `${found} at ${path}`,
    'Set SPARK_AZURE_TOOLS_DIR to a writable directory (it overrides the platform tool cache), or free the space.',
  );
}
