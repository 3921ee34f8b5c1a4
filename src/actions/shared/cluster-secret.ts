import { type KeyVaultSecret, readClusterSecret } from '../../azure/configuration-store.js';
import { InputError } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { SubmissionMasters } from '../../core/spark/spark-job.js';
import { type DeployMode, isLoopback } from '../../core/spark/spark-submit.js';
import { readLocalClusterSecret } from '../../local/local-cluster-secret.js';
import { localPaths } from '../../local/paths.js';

/**
 * What the drivers authenticate with: the clusterSecret input; else the cluster's Key Vault secret, given
 * the configurationStore (provision's output); else, for masters on this machine's loopback, the local
 * cluster's own (its configuration store, Key Vault's place). Without any, they speak to an open cluster.
 */
export async function withClusterSecret<T extends SubmissionMasters & { readonly deployMode: DeployMode }>(
  settings: T,
  store: KeyVaultSecret | undefined,
  pipeline: Pipeline,
): Promise<T> {
  const resolved = await resolve(settings, store, pipeline);
  if (resolved.clusterSecret !== undefined && resolved.deployMode === 'cluster') {
    // SPARK-25078: the worker strips the secret from a cluster-mode driver's options, and the driver then
    // cannot read it; a closed standalone cluster runs client-mode drivers only.
    throw new InputError(
      'deployMode',
      "'client' on a closed cluster",
      "'cluster'",
      'Use deployMode client (Spark standalone cannot hand the secret to a cluster-mode driver, SPARK-25078).',
    );
  }
  return resolved;
}

async function resolve<T extends SubmissionMasters>(settings: T, store: KeyVaultSecret | undefined, pipeline: Pipeline): Promise<T> {
  if (settings.clusterSecret !== undefined) return settings;
  if (store !== undefined) {
    const secret = await readClusterSecret(store);
    pipeline.setSecret(secret);
    return { ...settings, clusterSecret: secret };
  }
  if (!settings.masters.every((master) => isLoopback(master.host))) return settings;
  const secret = readLocalClusterSecret(localPaths(pipeline.directories).clusterDir);
  return secret === undefined ? settings : { ...settings, clusterSecret: secret };
}
