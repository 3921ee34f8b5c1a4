import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import type { Log } from '../core/log.js';
import { galleryImageVersionId, lastRunBuild, parseMachineReadable } from '../core/infra/packer-output.js';
import type { PackerTool } from './packer.js';
import { parseToolJson } from './tool-answer.js';
import { requireSuccess } from './tool-result.js';

export interface PackerBuild {
  readonly packer: PackerTool;
  /** The template file; Packer runs in its folder. */
  readonly template: string;
  /** How the user named the template, for errors (their input), or undefined for spark-azure's own. */
  readonly givenAs?: string;
  /** -var name=value for each defined one. */
  readonly variables: Readonly<Record<string, string | undefined>>;
  /** Put before PATH: where the ansible provisioner finds ansible-playbook. */
  readonly binDirectory: string;
  /** The manifest post-processor's output (the template's manifest_file variable), outside the user's files. */
  readonly manifestFile: string;
  readonly log: Log;
  readonly group: <T>(title: string, body: () => Promise<T>) => Promise<T>;
}

export interface PackerArtifact {
  /** The gallery image version when the template published one, else the managed image. */
  readonly imageId: string;
  readonly managedImageId: string;
  readonly runUuid: string;
}

/** `packer init` (the template's missing required_plugins), then `packer build`; the artifact from its manifest. */
export async function runPackerBuild(build: PackerBuild): Promise<PackerArtifact> {
  const { template, packer, log, group } = build;
  const directory = path.dirname(template);
  const file = path.basename(template);
  const named = build.givenAs ?? file;
  rmSync(build.manifestFile, { force: true });
  const args = Object.entries(build.variables).flatMap(([key, value]) => (value === undefined ? [] : ['-var', `${key}=${value}`]));
  const env = { ...process.env, ...packer.env, PATH: `${build.binDirectory}:${process.env.PATH}`, CHECKPOINT_DISABLE: '1' };
  const init = await group(`packer init ${file}`, () => $({ cwd: directory, env, nothrow: true, quiet: true })`${packer.command} init ${file}`);
  if (init.stdout.trim()) log.info(init.stdout.trim());
  requireSuccess(
    init,
    `packer init ${named}`,
    "Let Packer reach GitHub's releases, or install the plugins the template requires into PACKER_PLUGIN_PATH.",
    (result) => `exit ${result.exitCode}: ${(result.stderr || result.stdout).trim()}`,
  );
  const run = await group(`packer build ${file}`, () => $({ cwd: directory, env, nothrow: true, quiet: true })`${packer.command} build -machine-readable ${args} ${file}`);
  const output = parseMachineReadable(run.stdout);
  for (const message of output.messages) if (message) log.info(message);
  requireSuccess(
    run,
    `packer build ${named}`,
    'Fix what Packer reports; it removes the temporary build resources itself.',
    () => output.errors.join(' | ') || `exit ${run.exitCode}`,
  );
  const manifest = lastRunBuild(parseToolJson(`the Packer manifest ${build.manifestFile}`, readFileSync(build.manifestFile, 'utf8')));
  return { imageId: galleryImageVersionId(output.artifacts) ?? manifest.artifact_id, managedImageId: manifest.artifact_id, runUuid: manifest.packer_run_uuid };
}
