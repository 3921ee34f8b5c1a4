import { type KeyVaultSecret, readKeptRoleVariables, writeKeptRoleVariables } from '../../azure/configuration-store.js';
import { InputError, describeValue } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';

/** The `configurationStore` input: `<key vault>/<secret>`, as provision outputs it. */
export function readConfigurationStore(inputs: InputReader): KeyVaultSecret | undefined {
  const given = inputs.optional('configurationStore');
  if (given === undefined) return undefined;
  const match = /^([A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9])\/([A-Za-z0-9-]{1,127})$/.exec(given);
  if (!match)
    throw new InputError('configurationStore', '<key vault>/<secret>, as provision outputs it', describeValue(given), 'e.g. kv-spark-prod-1a2b3/spark-azure-role-variables.');
  return { keyVaultName: match[1]!, secretName: match[2]! };
}

/**
 * Merges these role variables into the cluster's kept ones, so that every node booted from now on (autoscale,
 * repair, reimage, reconcile) gets them too. Only their names are logged.
 */
export async function keepRoleVariables(store: KeyVaultSecret, roleVariables: Readonly<Record<string, string>>, pipeline: Pipeline): Promise<void> {
  const kept = { ...(await readKeptRoleVariables(store)), ...roleVariables };
  await writeKeptRoleVariables(store, pipeline.secretFile('kept-role-variables.json', `${JSON.stringify(kept)}\n`));
  pipeline.log.info(`Kept ${Object.keys(roleVariables).join(', ')} in ${store.keyVaultName}/${store.secretName}: every node booted from now on gets them.`);
}
