import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import { InputError, describeValue } from '../../core/errors.js';
import { imageVersion } from '../../core/infra/image-version.js';
import { galleryImageVersionId, lastRunBuild, parseMachineReadable } from '../../core/infra/packer-output.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { imageInputs } from '../../tools/image-inputs.js';
import { ensurePythonEnvironment } from '../../tools/installers.js';
import { ensurePacker } from '../../tools/packer.js';
import { ensureRecoveryPlugin } from '../../tools/recovery-plugin.js';
import { pysparkHome } from '../../tools/spark-runtime.js';
import { suiteContent } from '../../tools/suite-content.js';
import { requireSuccess } from '../../tools/tool-result.js';
import { userPath } from '../shared/user-paths.js';
import { type ImageBuildSettings, readImageBuildSettings } from './settings.js';

/**
 * The image-build action: the golden image's version is a hash of what shapes it (template, roles,
 * plugin source); when the gallery already has that version nothing is built, otherwise Packer builds
 * and publishes it. Outputs the image id provision passes to Terraform.
 */
export async function imageBuildAction(pipeline: Pipeline): Promise<void> {
  const settings = readImageBuildSettings(new InputReader(pipeline.inputs));
  const content = suiteContent();
  const root = content.root;
  const toolCache = pipeline.directories.toolCache;
  const template = settings.template === undefined ? content.packerTemplate : userPath(pipeline, settings.template);
  if (!existsSync(template)) {
    throw new InputError(
      'template',
      'a Packer template in the workspace',
      describeValue(settings.template),
      "Give its path relative to the workspace, or leave it empty for spark-azure's own.",
    );
  }
  const version = imageVersion(imageInputs(root));
  pipeline.setOutput('imageVersion', version);
  pipeline.log.info(`Image version from content: ${version}`);

  const existing = settings.galleryName && !settings.force ? await galleryVersionId(settings, version) : undefined;
  if (existing) {
    pipeline.log.info(`The gallery already has ${version}: nothing to build.`);
    pipeline.setOutput('imageId', existing);
    pipeline.setOutput('built', 'false');
    await pipeline.appendSummary(`### Golden image ${version}\n\nAlready in the gallery, not rebuilt: \`${existing}\`\n`);
    return;
  }

  const toolchain = await pipeline.group('Tools', async () => {
    const packer = await ensurePacker(toolCache, pipeline.log);
    const lint = await ensurePythonEnvironment('lint', toolCache, pipeline.log);
    const cluster = await ensurePythonEnvironment('local-cluster', toolCache, pipeline.log);
    const plugin = await ensureRecoveryPlugin(
      { content, sparkHome: await pysparkHome(path.join(cluster, 'bin', 'python')), toolCache, tempDir: pipeline.directories.temp },
      pipeline.log,
    );
    return { packer, ansibleBin: path.join(lint, 'bin'), plugin };
  });

  const directory = path.dirname(template);
  // The manifest goes to the run's temp directory, never beside the user's template.
  const manifestFile = path.join(pipeline.directories.temp, `packer-manifest-${process.pid}.json`);
  rmSync(manifestFile, { force: true });
  const variables: Record<string, string | undefined> = {
    manifest_file: manifestFile,
    image_version: version,
    subscription_id: settings.subscriptionId,
    location: settings.location,
    gallery_resource_group: settings.galleryResourceGroup,
    gallery_name: settings.galleryName,
    image_name: settings.imageName,
    managed_image_resource_group: settings.managedImageResourceGroup,
    replication_regions: JSON.stringify(settings.replicationRegions),
    spark_version: settings.sparkVersion,
    recovery_plugin_jar: toolchain.plugin,
  };
  const args = Object.entries(variables).flatMap(([key, value]) => (value === undefined ? [] : ['-var', `${key}=${value}`]));
  const env = { ...process.env, ...toolchain.packer.env, PATH: `${toolchain.ansibleBin}:${process.env.PATH}`, CHECKPOINT_DISABLE: '1' };
  const packer = toolchain.packer.command;
  // Installs the template's required_plugins that are missing (none when they are already in place).
  const init = await pipeline.group(
    `packer init ${path.basename(template)}`,
    () => $({ cwd: directory, env, nothrow: true, quiet: true })`${packer} init ${path.basename(template)}`,
  );
  if (init.stdout.trim()) pipeline.log.info(init.stdout.trim());
  requireSuccess(
    init,
    `packer init ${settings.template ?? path.basename(template)}`,
    "Let Packer reach GitHub's releases, or install the plugins the template requires into PACKER_PLUGIN_PATH.",
    (result) => `exit ${result.exitCode}: ${(result.stderr || result.stdout).trim()}`,
  );
  const build = await pipeline.group(
    `packer build ${path.basename(template)}`,
    () => $({ cwd: directory, env, nothrow: true, quiet: true })`${packer} build -machine-readable ${args} ${path.basename(template)}`,
  );
  const output = parseMachineReadable(build.stdout);
  for (const message of output.messages) if (message) pipeline.log.info(message);
  requireSuccess(
    build,
    `packer build ${settings.template ?? path.basename(template)}`,
    'Fix what Packer reports; it removes the temporary build resources itself.',
    () => output.errors.join(' | ') || `exit ${build.exitCode}`,
  );
  const manifest = lastRunBuild(JSON.parse(readFileSync(manifestFile, 'utf8')));
  const imageId = galleryImageVersionId(output.artifacts) ?? manifest.artifact_id;
  pipeline.setOutput('imageId', imageId);
  pipeline.setOutput('managedImageId', manifest.artifact_id);
  pipeline.setOutput('built', 'true');
  await pipeline.appendSummary(
    `### Golden image ${version}\n\n| | |\n|---|---|\n| image id | \`${imageId}\` |\n| managed image | \`${manifest.artifact_id}\` |\n| Packer run | ${manifest.packer_run_uuid} |\n`,
  );
  pipeline.log.info(`Built ${imageId}`);
}

/** The gallery's id for this version, or undefined when it has none (az answers non-zero). */
async function galleryVersionId(settings: ImageBuildSettings, version: string): Promise<string | undefined> {
  const show = await $({
    nothrow: true,
    quiet: true,
  })`az sig image-version show --subscription ${settings.subscriptionId!} --resource-group ${settings.galleryResourceGroup!} --gallery-name ${settings.galleryName!} --gallery-image-definition ${settings.imageName} --gallery-image-version ${version} --query id --output tsv`;
  return show.exitCode === 0 && show.stdout.trim() ? show.stdout.trim() : undefined;
}
