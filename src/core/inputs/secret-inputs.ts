import { InputError } from '../errors.js';
import type { InputReader } from './input-reader.js';

/** The inputs that hold secrets: every door masks them before anything could print them. */
export const SECRET_INPUTS: readonly string[] = ['sshPrivateKey', 'gatewayPassword', 'kubeconfig', 'clusterSecret'];

/** Inputs of `name=value` lines whose values may be secrets (backend access keys, pager keys, passwords). */
const SETTINGS_INPUTS: readonly string[] = ['backendConfig', 'roleVariables', 'variables'];

/** Inputs holding a URL, which may carry credentials (user:password@) or a token in its query. */
const URL_INPUTS: readonly string[] = ['alertmanagerUrl', 'livyUrl'];

// A setting whose name says it is a credential. Wide on purpose: masking a state file's name costs nothing.
const SECRET_NAME = /pass|secret|token|key|sas|credential|connection|webhook|auth|cert/i;

/**
 * Every value to mask in a run's inputs: the secret inputs whole, the values of credential-named settings
 * in the settings inputs, and the credentials and query of URL inputs. Read from the raw inputs, so a door
 * can register them before any library logs an input.
 */
export function secretsInInputs(get: (input: string) => string | undefined): string[] {
  const secrets = SECRET_INPUTS.map((input) => get(input) ?? '');
  for (const input of SETTINGS_INPUTS) secrets.push(...secretSettingValues(get(input) ?? ''));
  for (const input of URL_INPUTS) secrets.push(...urlSecrets(get(input) ?? ''));
  return secrets.filter((secret) => secret.trim() !== '');
}

/**
 * What to mask in `name=value` entries (newline or `;` separated): the values of credential-named ones, and
 * whole entries that are no setting at all (a key pasted without its name; base64 ends in '=', so a value
 * of only '=' is such a key too). File paths (backend .hcl files) are left readable.
 */
export function secretSettingValues(raw: string): string[] {
  const secrets: string[] = [];
  for (const entry of raw.split(/\n|;/).map((line) => line.trim())) {
    const match = entry.match(/^([A-Za-z_][A-Za-z0-9_.-]{0,63})\s*=(.*)$/);
    if (match === null || /^=*$/.test(match[2] ?? '')) {
      if (entry !== '' && !/^[\w./-]+\.(hcl|tfbackend)$/.test(entry)) secrets.push(entry);
    } else if (SECRET_NAME.test(match[1] ?? '')) secrets.push((match[2] ?? '').trim());
  }
  return secrets;
}

/** A URL's user information, password and query values, found by pattern: the URL may not parse. */
export function urlSecrets(raw: string): string[] {
  const secrets: string[] = [];
  const userInfo = raw.match(/^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i)?.[1];
  if (userInfo) secrets.push(userInfo, ...userInfo.split(':').slice(1));
  const query = raw.match(/\?([^#\s]*)/)?.[1];
  if (query) for (const pair of query.split('&')) secrets.push(pair.slice(pair.indexOf('=') + 1));
  return secrets;
}

/** A refusal of a secret input: says what it should look like, never shows what it is. */
function refuseSecret(input: string, expected: string, fix: string): InputError {
  return new InputError(input, expected, 'another value (not shown: it is a secret)', fix);
}

/** `sshPrivateKey`: a whole private key file, PEM or OpenSSH, as ssh -i reads it. */
export function readPrivateKey(inputs: InputReader): string | undefined {
  const key = inputs.optional('sshPrivateKey');
  if (key !== undefined && !/^-----BEGIN [A-Z ]*PRIVATE KEY-----\r?\n[\s\S]+\n-----END [A-Z ]*PRIVATE KEY-----\s*$/.test(key.trim())) {
    throw refuseSecret(
      'sshPrivateKey',
      'a private key file (-----BEGIN ... PRIVATE KEY----- to -----END ... PRIVATE KEY-----)',
      "Pass the key file's whole content from a secret.",
    );
  }
  return key;
}

/**
 * `clusterSecret`: printable, with no whitespace (it goes into Spark's properties files, where a newline
 * would start another property), and long enough to be a secret (provision generates 43 characters).
 */
export function readClusterSecret(inputs: InputReader): string | undefined {
  const secret = inputs.optional('clusterSecret');
  if (secret !== undefined && !/^[\x21-\x7e]{16,}$/.test(secret)) {
    throw refuseSecret(
      'clusterSecret',
      'the cluster secret: 16 or more printable characters, no spaces',
      'Pass the Key Vault secret spark-azure-cluster-secret, or configurationStore to read it from there.',
    );
  }
  return secret;
}

/** `kubeconfig`: a kubeconfig file's content (YAML with its top-level keys). */
export function readKubeconfig(inputs: InputReader): string {
  const kubeconfig = inputs.required('kubeconfig', "the AKS cluster's kubeconfig (az aks get-credentials)", 'a secret variable');
  if (!/^(apiVersion|clusters|users|contexts|current-context)\s*:/m.test(kubeconfig)) {
    throw refuseSecret('kubeconfig', 'a kubeconfig (YAML with apiVersion, clusters, users, contexts)', 'Pass the file az aks get-credentials --file - writes, from a secret.');
  }
  return kubeconfig;
}
