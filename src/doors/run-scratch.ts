import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A run's private scratch directory (0700, under the platform's temp directory) for files that hold
 * secrets. Made on first use; removed when the action ends, whichever way it ends.
 */
export function runScratch(temp: string) {
  let directory: string | undefined;
  return {
    secretFile(name: string, content: string): string {
      directory ??= mkdtempSync(path.join(temp, 'spark-azure-run-'));
      const file = path.join(directory, name);
      writeFileSync(file, content, { mode: 0o600 });
      chmodSync(file, 0o600);
      return file;
    },
    async cleanUp(): Promise<void> {
      if (directory) rmSync(directory, { recursive: true, force: true });
      directory = undefined;
    },
  };
}
