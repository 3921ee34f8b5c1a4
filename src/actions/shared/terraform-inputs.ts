import { existsSync, statSync } from 'node:fs';
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
 * The user's own root, in their workspace; or spark-azure's envs/vm, copied with its modules into the
 * run's temp directory so that Terraform never writes into the action's folder.
 */
export async function terraformRootDirectory(settings: TerraformRootSettings, pipeline: Pipeline): Promise<{ directory: string; release(): Promise<void> }> {
  if (settings.workingDirectory !== undefined) {
    const directory = userPath(pipeline, settings.workingDirectory);
    if (!existsSync(directory) || !statSync(directory).isDirectory()) {
      throw new InputError(
        'workingDirectory',
        'a Terraform root in the workspace',
        describeValue(settings.workingDirectory),
        "Give the root's path relative to the workspace, or leave it empty for spark-azure's envs/vm.",
      );
    }
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
  const settings = lines.filter((line) => line.includes('='));
  const files = lines.filter((line) => !line.includes('=')).map((file) => userPath(pipeline, file));
  const missing = files.find((file) => !existsSync(file) || !statSync(file).isFile());
  if (missing !== undefined) {
    throw new InputError(
      'backendConfig',
      'key=value lines, or paths of .hcl files in the workspace',
      `a line naming no file (${describeValue(path.relative(pipeline.directories.workspace, missing) || missing)})`,
      'Give the file path relative to the workspace, or write the setting as key=value.',
    );
  }
  if (settings.length === 0) return files;
  const hcl = settings.map((line) => {
    const [key, ...value] = line.split('=');
    // A quoted HCL string, with template sequences escaped so a value is taken as it is.
    return `${key!.trim()} = ${JSON.stringify(value.join('=').trim()).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{')}`;
  });
  return [...files, pipeline.secretFile('backend.hcl', `${hcl.join('\n')}\n`)];
}
