import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { InputError, describeValue } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { parseKeyValueLines } from '../../core/inputs/key-value-lines.js';
import type { Pipeline } from '../../core/pipeline.js';
import { suiteContent } from '../../tools/suite-content.js';
import { userPath } from './user-paths.js';

/** The Terraform root and what it is planned with: provision's inputs, and the destroy drill's on Azure. */
export interface TerraformRootSettings {
  /** The user's Terraform root, relative to the workspace; undefined: spark-azure's own envs/vm. */
  readonly workingDirectory?: string;
  readonly varFile?: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly backendConfig: readonly string[];
}

export function readTerraformRootSettings(inputs: InputReader): TerraformRootSettings {
  return {
    workingDirectory: inputs.optional('workingDirectory'),
    varFile: inputs.optional('varFile'),
    variables: parseVariables(inputs.optional('variables')),
    backendConfig: (inputs.optional('backendConfig') ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  };
}

/** Terraform variables, one `name=value` per line (values may hold `;`). */
function parseVariables(raw: string | undefined): Record<string, string> {
  return parseKeyValueLines('variables', raw, {
    key: /^[A-Za-z_][A-Za-z0-9_-]*$/,
    semicolons: false,
    expected: 'one Terraform variable per line as name=value',
    example: 'image_id=/subscriptions/.../versions/1.2.3',
  });
}

/** The var files the settings name, resolved in the workspace. */
export function varFilesOf(settings: TerraformRootSettings, pipeline: Pipeline): string[] {
  return settings.varFile ? [userPath(pipeline, settings.varFile)] : [];
}

/**
 * Everything about the root's inputs that can be known before Terraform is installed or initialised: the
 * var file is a file, every variable given is one the root declares and not one provision sets itself, and
 * backendConfig's lines are settings or files. Variables travel as TF_VAR_*, which Terraform silently
 * ignores when undeclared.
 */
export function checkTerraformRootInputs(settings: TerraformRootSettings, pipeline: Pipeline, setByProvision: readonly string[]): void {
  const directory = settings.workingDirectory === undefined ? path.join(suiteContent().terraformDir, 'envs', 'vm') : userPath(pipeline, settings.workingDirectory);
  requireRootDirectory(settings, directory);
  const varFile = varFilesOf(settings, pipeline)[0];
  if (varFile !== undefined && (!existsSync(varFile) || !statSync(varFile).isFile())) {
    throw new InputError('varFile', 'a .tfvars file in the workspace', describeValue(settings.varFile!), "Give the file's path relative to the workspace, or leave varFile empty.");
  }
  const declared = declaredVariables(directory);
  for (const name of Object.keys(settings.variables)) {
    if (setByProvision.includes(name)) {
      throw new InputError(
        'variables',
        'variables other than those provision sets itself',
        describeValue(name),
        `Leave ${name} out: provision generates it for every run (docs/security.md).`,
      );
    }
    if (!declared.has(name)) {
      throw new InputError(
        'variables',
        `variables the root declares (${[...declared].sort().join(', ')})`,
        `${describeValue(name)}, which it does not declare`,
        'Check the name against the root’s variables.tf; Terraform would ignore it silently.',
      );
    }
  }
  backendSettings(settings.backendConfig, pipeline);
}

function requireRootDirectory(settings: TerraformRootSettings, directory: string): void {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new InputError(
      'workingDirectory',
      'a Terraform root in the workspace',
      describeValue(settings.workingDirectory ?? directory),
      "Give the root's path relative to the workspace, or leave it empty for spark-azure's envs/vm.",
    );
  }
}

/** The names of the variables a root module declares (`variable "name" {` in its .tf files). */
export function declaredVariables(directory: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.tf'))) {
    for (const match of readFileSync(path.join(directory, file), 'utf8').matchAll(/^\s*variable\s+"([^"]+)"\s*\{/gm)) names.add(match[1]!);
  }
  return names;
}

/**
 * The user's own root, in their workspace; or spark-azure's envs/vm, copied with its modules into the
 * run's temp directory so that Terraform never writes into the action's folder.
 */
export async function terraformRootDirectory(settings: TerraformRootSettings, pipeline: Pipeline): Promise<{ directory: string; release(): Promise<void> }> {
  if (settings.workingDirectory !== undefined) {
    const directory = userPath(pipeline, settings.workingDirectory);
    requireRootDirectory(settings, directory);
    return { directory, release: async () => {} };
  }
  const copy = await mkdtemp(path.join(pipeline.directories.temp, 'spark-azure-terraform-'));
  await cp(suiteContent().terraformDir, copy, { recursive: true });
  return { directory: path.join(copy, 'envs', 'vm'), release: () => rm(copy, { recursive: true, force: true }) };
}

/**
 * backendConfig's lines: `.hcl` files (relative to the workspace) as they are; `key=value` settings, which
 * may hold an access key, gathered into one 0600 file in the run's scratch directory, off the command line.
 */
export function backendConfigFiles(lines: readonly string[], pipeline: Pipeline): string[] {
  const { settings, files } = backendSettings(lines, pipeline);
  if (settings.length === 0) return files;
  const hcl = settings.map(([key, value]) => {
    // A quoted HCL string, with template sequences escaped so a value is taken as it is.
    return `${key} = ${JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}`;
  });
  return [...files, pipeline.secretFile('backend.hcl', `${hcl.join('\n')}\n`)];
}

// Backend settings are short snake_case names (storage_account_name, use_azuread_auth). An access key
// pasted without its name, base64 and ending in '=', would otherwise read as a setting named by the key.
const BACKEND_SETTING = /^[a-z][a-z0-9_]{0,63}$/;
const BACKEND_FILE = /\.(hcl|tfbackend)$/;

/**
 * backendConfig's lines as settings and files. A refusal names the line by its number and, for a setting,
 * its name: never the line's text, which may be an access key written without its `key=`.
 */
function backendSettings(lines: readonly string[], pipeline: Pipeline): { settings: [string, string][]; files: string[] } {
  const settings: [string, string][] = [];
  const files: string[] = [];
  const expected = 'key=value settings, or paths of .hcl files in the workspace, one per line';
  lines.forEach((line, index) => {
    const number = `line ${index + 1}`;
    const equals = line.indexOf('=');
    if (equals < 0) {
      const file = userPath(pipeline, line);
      if (existsSync(file) && statSync(file).isFile()) return void files.push(file);
      const found = BACKEND_FILE.test(line)
        ? `${number} naming no file (${describeValue(line)})`
        : `${number}, neither key=value nor a .hcl file (not shown: it may hold a secret)`;
      throw new InputError('backendConfig', expected, found, 'Give the file path relative to the workspace, or write the setting as key=value.');
    }
    const key = line.slice(0, equals).trim();
    if (!BACKEND_SETTING.test(key)) {
      const found = key === '' ? `${number} without a name before =` : `${number}, not name=value with a backend setting's name (not shown: it may hold a secret)`;
      throw new InputError('backendConfig', expected, found, 'Write each setting as name=value, e.g. storage_account_name=sttfstate; flags such as -lock belong nowhere here.');
    }
    const earlier = settings.findIndex(([name]) => name === key);
    if (earlier >= 0) throw new InputError('backendConfig', expected, `${number} setting ${key} again`, `Give ${key} once; Terraform would keep only one of them.`);
    settings.push([key, line.slice(equals + 1).trim()]);
  });
  return { settings, files };
}
