import { randomBytes } from 'node:crypto';

/** The cluster secret's Key Vault secret, as envs/vm names it (a static test keeps the two equal). */
export const CLUSTER_SECRET_NAME = 'spark-azure-cluster-secret';

/** A new cluster secret: 32 random bytes, base64url (43 characters, safe in a properties file). */
export function newClusterSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What every Terraform run of a root is given as ephemeral variables: a fresh cluster secret, which envs/vm
 * writes to Key Vault write-only when it creates the secret or rotates it, and nothing keeps otherwise. A
 * root that declares no such variable ignores it.
 */
export function ephemeralRootVariables(): Record<string, string> {
  return { [CLUSTER_SECRET_VARIABLE]: newClusterSecret() };
}

const CLUSTER_SECRET_VARIABLE = 'cluster_secret';

/** The variables provision sets itself on every run: a user's value for one is refused. */
export const SET_BY_PROVISION: readonly string[] = [CLUSTER_SECRET_VARIABLE];
