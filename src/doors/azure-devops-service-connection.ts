import { chmodSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task';
import { $ } from 'zx/core';
import { ActionableError } from '../core/errors.js';
import type { ActionBody, Pipeline } from '../core/pipeline.js';
import { requireSuccess } from '../tools/tool-result.js';

/** An Azure Resource Manager service connection, as the agent hands it to a task. */
interface AzureConnection {
  readonly name: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly subscriptionId: string;
  readonly credential: { readonly kind: 'secret' | 'federated-token'; readonly value: string };
}

const OIDC_TIMEOUT_MS = 30_000;

/**
 * Runs the action signed in with the task's `azureSubscription` service connection, when one is given:
 * each task signs in itself (AzureCLI@2 signs out when it ends, so a login in an earlier step is gone).
 * `az` gets its own profile in the job's temp directory, the credential only through a 0600 file (`@file`),
 * never on a command line; Terraform and Packer get it through ARM_* variables. All of it is removed when
 * the action ends, however it ends.
 */
export function withServiceConnection(pipeline: Pipeline, body: ActionBody): ActionBody {
  return async () => {
    const id = tl.getInput('azureSubscription', false);
    if (!id) return body(pipeline);
    const connection = await readConnection(id);
    pipeline.setSecret(connection.credential.value);
    const profile = await mkdtemp(path.join(pipeline.directories.temp, 'spark-azure-az-'));
    const saved = { ...process.env };
    try {
      await signIn(connection, profile);
      pipeline.log.info(`Signed in to Azure with the service connection '${connection.name}' (subscription ${connection.subscriptionId})`);
      await body(pipeline);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      await rm(profile, { recursive: true, force: true });
    }
  };
}

async function readConnection(id: string): Promise<AzureConnection> {
  // The whole authorization at once: task-lib's per-parameter reader would print the secret in its debug log.
  const authorization = tl.getEndpointAuthorization(id, true);
  const scheme = authorization?.scheme ?? '';
  const parameter = (key: string) => authorization?.parameters[key] ?? '';
  const common = {
    name: id,
    tenantId: parameter('tenantid'),
    clientId: parameter('serviceprincipalid'),
    subscriptionId: tl.getEndpointDataParameter(id, 'subscriptionId', true) ?? '',
  };
  if (scheme === 'ServicePrincipal' && parameter('serviceprincipalkey')) return { ...common, credential: { kind: 'secret', value: parameter('serviceprincipalkey') } };
  if (scheme === 'WorkloadIdentityFederation') return { ...common, credential: { kind: 'federated-token', value: await requestFederatedToken(id) } };
  throw new ActionableError(
    "Input 'azureSubscription'",
    'an Azure Resource Manager service connection with workload identity federation or a service principal secret',
    scheme ? `the scheme ${scheme}` : 'no such service connection for this task',
    'Authorize the connection for this pipeline, or use one of those schemes.',
  );
}

/** The connection's federated token, from the agent's OIDC endpoint with the job's access token. */
async function requestFederatedToken(id: string): Promise<string> {
  const endpoint = tl.getVariable('System.OidcRequestUri');
  const accessToken = tl.getVariable('System.AccessToken');
  if (!endpoint || !accessToken) {
    throw new ActionableError(
      'Workload identity federation',
      'System.OidcRequestUri and System.AccessToken',
      'neither',
      'Run the task in an Azure Pipelines job (the agent sets both).',
    );
  }
  const response = await fetch(`${endpoint}?api-version=7.1&serviceConnectionId=${encodeURIComponent(id)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    signal: AbortSignal.timeout(OIDC_TIMEOUT_MS),
  });
  const body = (await response.json().catch(() => ({}))) as { oidcToken?: string };
  if (!response.ok || !body.oidcToken)
    throw new ActionableError('Workload identity federation', 'a token for the service connection', `HTTP ${response.status}`, 'Check that the pipeline may use the connection.');
  return body.oidcToken;
}

async function signIn(connection: AzureConnection, profile: string): Promise<void> {
  process.env.AZURE_CONFIG_DIR = profile;
  const credentialFile = path.join(profile, 'credential');
  writeFileSync(credentialFile, connection.credential.value, { mode: 0o600 });
  chmodSync(credentialFile, 0o600);
  const option = connection.credential.kind === 'secret' ? '--password' : '--federated-token';
  try {
    requireSuccess(
      await $({
        nothrow: true,
        quiet: true,
        timeout: 120_000,
      })`az login --service-principal --username ${connection.clientId} --tenant ${connection.tenantId} ${option} ${`@${credentialFile}`} --allow-no-subscriptions --output none`,
      `az login with the service connection '${connection.name}'`,
      'Check the service connection (tenant, application, credential) and that the agent has the Azure CLI.',
    );
  } finally {
    await rm(credentialFile, { force: true });
  }
  requireSuccess(
    await $({ nothrow: true, quiet: true, timeout: 60_000 })`az account set --subscription ${connection.subscriptionId}`,
    `az account set --subscription ${connection.subscriptionId}`,
    'Give the connection access to its subscription.',
  );
  Object.assign(process.env, {
    ARM_TENANT_ID: connection.tenantId,
    ARM_CLIENT_ID: connection.clientId,
    ARM_SUBSCRIPTION_ID: connection.subscriptionId,
    ...(connection.credential.kind === 'secret' ? { ARM_CLIENT_SECRET: connection.credential.value } : { ARM_OIDC_TOKEN: connection.credential.value, ARM_USE_OIDC: 'true' }),
  });
}
