import { $ } from 'zx/core';
import { ToolAnswerError } from '../core/errors.js';
import { CLUSTER_SECRET_NAME } from '../core/infra/cluster-secret.js';
import { requireSuccess } from '../tools/tool-result.js';
import { azOption } from './remote-commands.js';

/** What to do when az failed: install it when the shell found none (127), else the vault's access. */
function storeHint(exitCode: number | null, store: KeyVaultSecret): string {
  return exitCode === 127
    ? 'Install the Azure CLI on the runner (Microsoft-hosted runners have it) and sign in with azure/login first.'
    : `Give this identity Key Vault Secrets Officer on ${store.keyVaultName}, and let it reach the vault (key_vault_allowed_ips).`;
}

export interface KeyVaultSecret {
  readonly keyVaultName: string;
  readonly secretName: string;
}

/**
 * The cluster's configuration store on Azure: its kept role variables, one Key Vault secret holding JSON,
 * which every node reads at boot with its managed identity. Values pass through files and stdout, never a
 * command line (az prints what it is given there).
 */
export async function readKeptRoleVariables(store: KeyVaultSecret): Promise<Record<string, string>> {
  const shown = await $({
    nothrow: true,
    quiet: true,
  })`az keyvault secret show ${[azOption('vault-name', store.keyVaultName), azOption('name', store.secretName)]} --query value --output tsv`;
  if (shown.exitCode !== 0 && /SecretNotFound|was not found/i.test(shown.stderr)) return {};
  requireSuccess(shown, `az keyvault secret show ${store.secretName}`, storeHint(shown.exitCode, store));
  try {
    return JSON.parse(shown.stdout) as Record<string, string>;
  } catch {
    throw new ToolAnswerError(
      `Key Vault ${store.keyVaultName}`,
      `JSON role variables in ${store.secretName}`,
      'another value',
      `Write it again with provision or rolling-update (roleVariables).`,
    );
  }
}

/** Writes the kept role variables from `file` (a 0600 file of the run's scratch directory). */
export async function writeKeptRoleVariables(store: KeyVaultSecret, file: string): Promise<void> {
  const set = await $({
    nothrow: true,
    quiet: true,
  })`az keyvault secret set ${[azOption('vault-name', store.keyVaultName), azOption('name', store.secretName)]} ${azOption('file', file)} --content-type application/json --output none`;
  requireSuccess(set, `az keyvault secret set ${store.secretName}`, storeHint(set.exitCode, store));
}

/** The cluster secret (docs/security.md), for the drivers: from az's stdout, never a command line. */
export async function readClusterSecret(store: KeyVaultSecret): Promise<string> {
  const shown = await $({
    nothrow: true,
    quiet: true,
  })`az keyvault secret show ${[azOption('vault-name', store.keyVaultName), azOption('name', CLUSTER_SECRET_NAME)]} --query value --output tsv`;
  requireSuccess(shown, `az keyvault secret show ${CLUSTER_SECRET_NAME}`, storeHint(shown.exitCode, store));
  const secret = shown.stdout.trim();
  if (secret === '')
    throw new ToolAnswerError(
      `Key Vault ${store.keyVaultName}`,
      `a value for ${CLUSTER_SECRET_NAME}`,
      'an empty one',
      'Apply the root again (it writes the secret), or bump cluster_secret_version.',
    );
  return secret;
}
