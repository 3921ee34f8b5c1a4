import { type KeyVaultSecret, readClusterSecret } from '../../azure/configuration-store.js';
import { InputError } from '../../core/errors.js';
import type { HostPort } from '../../core/inputs/host-port.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { SubmissionMasters } from '../../core/spark/spark-job.js';
import type { DeployMode } from '../../core/spark/spark-submit.js';
import { isLoopback } from '../../core/inputs/host-port.js';
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
  const secret = await resolveClusterSecret(settings.clusterSecret, store, settings.masters, pipeline);
  return secret === undefined ? settings : { ...settings, clusterSecret: secret };
}

/**
 * The cluster secret a pipeline's tools authenticate with (drivers with Spark, sessions with ZooKeeper): the
 * one given; else the cluster's Key Vault secret from the configuration store; else, when every master is
 * on this machine's loopback, the local cluster's own. Undefined: the cluster is taken to be open.
 */
export async function resolveClusterSecret(
  given: string | undefined,
  store: KeyVaultSecret | undefined,
  masters: readonly HostPort[],
  pipeline: Pipeline,
): Promise<string | undefined> {
  if (given !== undefined) return given;
  if (store !== undefined) {
    const secret = await readClusterSecret(store);
    pipeline.setSecret(secret);
    return secret;
  }
  if (!masters.every((master) => isLoopback(master.host))) return undefined;
  return readLocalClusterSecret(localPaths(pipeline.directories).clusterDir);
}
