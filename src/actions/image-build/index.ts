import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { galleryVersionId } from '../../azure/gallery.js';
import { InputError, describeValue } from '../../core/errors.js';
import { imageVersion } from '../../core/infra/image-version.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import type { Pipeline } from '../../core/pipeline.js';
import { imageInputs } from '../../tools/image-inputs.js';
import { ensurePythonEnvironment } from '../../tools/installers.js';
import { ensurePacker } from '../../tools/packer.js';
import { ensureRecoveryPlugin } from '../../tools/recovery-plugin.js';
import { pysparkHome } from '../../tools/spark-runtime.js';
import { suiteContent } from '../../tools/suite-content.js';
import { runPackerBuild } from '../../tools/packer-build.js';
import { userPath } from '../shared/user-paths.js';
import { readImageBuildSettings } from './settings.js';

/**
 * The user's template, checked before Packer is built (minutes): a file, named as Packer reads templates,
 * with a build block. A directory would be taken by Packer as a folder of templates, a file of another
 * kind fails only after the build tool chain is installed.
 */
function checkTemplate(template: string, givenAs: string): void {
  const refuse = (found: string) =>
    new InputError(
      'template',
      'a Packer template file (*.pkr.hcl or *.pkr.json) in the workspace with a build block',
      found,
      "Give its path relative to the workspace, or leave it empty for spark-azure's own.",
    );
  if (!existsSync(template)) throw refuse(`${describeValue(givenAs)}, which does not exist`);
  if (!statSync(template).isFile()) throw refuse(`${describeValue(givenAs)}, which is not a file`);
  if (!/\.pkr\.(hcl|json)$/.test(template)) throw refuse(`${describeValue(givenAs)}, not named *.pkr.hcl or *.pkr.json`);
  const text = readFileSync(template, 'utf8');
  if (!(template.endsWith('.json') ? /"build"\s*:/ : /^\s*build\s*\{/m).test(text)) throw refuse(`${describeValue(givenAs)}, without a build block`);
}

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
  if (settings.template !== undefined) checkTemplate(template, settings.template);
  const version = imageVersion(imageInputs(root));
  pipeline.setOutput('imageVersion', version);
  pipeline.log.info(`Image version from content: ${version}`);

  const existing =
    settings.galleryName && !settings.force
      ? await galleryVersionId(
          { subscriptionId: settings.subscriptionId!, resourceGroup: settings.galleryResourceGroup!, galleryName: settings.galleryName, imageName: settings.imageName },
          version,
        )
      : undefined;
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

  const artifact = await runPackerBuild({
    packer: toolchain.packer,
    template,
    givenAs: settings.template,
    variables: {
      manifest_file: manifestFile(pipeline),
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
    },
    binDirectory: toolchain.ansibleBin,
    manifestFile: manifestFile(pipeline),
    log: pipeline.log,
    group: (title, body) => pipeline.group(title, body),
  });
  const { imageId } = artifact;
  pipeline.setOutput('imageId', imageId);
  pipeline.setOutput('managedImageId', artifact.managedImageId);
  pipeline.setOutput('built', 'true');
  await pipeline.appendSummary(
    `### Golden image ${version}\n\n| | |\n|---|---|\n| image id | \`${imageId}\` |\n| managed image | \`${artifact.managedImageId}\` |\n| Packer run | ${artifact.runUuid} |\n`,
  );
  pipeline.log.info(`Built ${imageId}`);
}

/** The manifest goes to the run's temp directory, never beside the user's template. */
function manifestFile(pipeline: Pipeline): string {
  return path.join(pipeline.directories.temp, `packer-manifest-${process.pid}.json`);
}
