import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a private key for `ssh -i` into a fresh 0600 directory under the run's temp directory, after the
 * caller has masked it. ssh refuses a key without its final newline.
 */
export function writeSshKeyFile(tempDir: string, privateKey: string): string {
  const file = path.join(mkdtempSync(path.join(tempDir, 'spark-azure-ssh-')), 'id');
  writeFileSync(file, privateKey.endsWith('\n') ? privateKey : `${privateKey}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
