import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The local cluster's secret, in the configuration store's directory (Key Vault's place): a 0600 file the
 * nodes read at boot, as Azure VMs read the Key Vault secret with their managed identity.
 */
export function clusterSecretFile(clusterDir: string): string {
  return path.join(clusterDir, 'configuration-store', 'cluster-secret');
}

/** The cluster's secret, made once (32 random bytes, base64url): every later boot and driver reads the same. */
export async function ensureLocalClusterSecret(clusterDir: string): Promise<void> {
  const file = clusterSecretFile(clusterDir);
  if (existsSync(file)) return;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  await chmod(file, 0o600);
}

/**
 * What a driver of the local cluster authenticates with: undefined when no local cluster made a secret, or
 * when it runs open (kept role variable spark_authenticate=false, as a benchmark's baseline does).
 */
export function readLocalClusterSecret(clusterDir: string): string | undefined {
  const file = clusterSecretFile(clusterDir);
  const store = path.join(path.dirname(file), 'role-variables.json');
  const kept = existsSync(store) ? (JSON.parse(readFileSync(store, 'utf8')) as Record<string, string>) : {};
  if (String(kept.spark_authenticate).toLowerCase() === 'false') return undefined;
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
