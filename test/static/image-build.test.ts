import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageVersion } from '../../src/core/infra/image-version.js';
import { imageInputs } from '../../src/tools/image-inputs.js';
import { ROOT, runGithubAction } from '../support/run-bundle.js';

// The whole action against the real Packer (the one on PATH when 1.7 or later, else the tool cache's 1.9.4): a null-builder template with the same
// variables and manifest stands in for azure-arm, which needs Azure.
describe('image-build, as GitHub runs it', () => {
  it('builds with Packer and outputs the content version and the artifact of this run', async () => {
    const run = await runGithubAction('image-build', { template: 'test/fixtures/packer-null/image.pkr.hcl' }, { GITHUB_WORKSPACE: ROOT });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.imageVersion).toBe(imageVersion(imageInputs(ROOT)));
    expect(run.outputs).toMatchObject({ imageId: 'Null', managedImageId: 'Null', built: 'true' });
    expect(run.summary).toContain(`### Golden image ${run.outputs.imageVersion}`);
    expect(run.stdout).toMatch(/packer init image\.pkr\.hcl/);
    // The manifest went to the run's temp directory, not beside the user's template.
    expect(existsSync(path.join(ROOT, 'test', 'fixtures', 'packer-null', 'manifest.json'))).toBe(false);
  });

  // Each refused before Packer, Python or the plugin is installed (minutes from source): the tool cache stays empty.
  const TEMPLATE_EXPECTED = 'expected a Packer template file (*.pkr.hcl or *.pkr.json) in the workspace with a build block, found';
  it.each([
    [{ template: 'infra/packer/nope.pkr.hcl' }, `Input 'template': ${TEMPLATE_EXPECTED} "infra/packer/nope.pkr.hcl", which does not exist.`],
    [{ template: 'infra/packer' }, `Input 'template': ${TEMPLATE_EXPECTED} "infra/packer", which is not a file.`],
    [{ template: 'package.json' }, `Input 'template': ${TEMPLATE_EXPECTED} "package.json", not named *.pkr.hcl or *.pkr.json.`],
    [{ template: 'test/fixtures/packer-null/no-build.pkr.hcl' }, `Input 'template': ${TEMPLATE_EXPECTED} "test/fixtures/packer-null/no-build.pkr.hcl", without a build block.`],
    [
      { location: 'westeurope; rm -rf ~' },
      `Input 'location': expected an Azure region (its name, as \`az account list-locations --query [].name\` lists them), found "westeurope; rm -rf ~".`,
    ],
    [{ location: 'west\neurope' }, "Input 'location': expected an Azure region"],
    [{ replicationRegions: 'northeurope,--debug' }, `Input 'replicationRegions': expected regions separated by commas`],
    [
      { galleryName: 'gal;spark' },
      `Input 'galleryName': expected an Azure Compute Gallery name (1-80 letters, digits, _ ., starting and ending with a letter or digit), found "gal;spark".`,
    ],
    [{ imageName: '--help' }, `Input 'imageName': expected an image definition name`],
    [{ sparkVersion: '4.3' }, `Input 'sparkVersion': expected a Spark release as major.minor.patch, found "4.3".`],
  ])('refuses %j in one line naming the input, having installed nothing', async (inputs, message) => {
    const toolCache = mkdtempSync(path.join(os.tmpdir(), 'image-build-cache-'));
    const run = await runGithubAction('image-build', inputs, { GITHUB_WORKSPACE: ROOT, SPARK_AZURE_TOOLS_DIR: toolCache });
    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`::error::${message}`);
    expect(readdirSync(toolCache)).toEqual([]);
  });

  it('names a tool cache it cannot write to in one line, not as a bug', async () => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'image-build-cache-'));
    writeFileSync(path.join(parent, 'file'), '');
    const toolCache = path.join(parent, 'file', 'cache');
    const run = await runGithubAction(
      'image-build',
      { template: 'test/fixtures/packer-null/image.pkr.hcl' },
      { GITHUB_WORKSPACE: ROOT, SPARK_AZURE_TOOLS_DIR: toolCache, PATH: '/usr/bin:/bin' },
    );
    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error::The tool cache \\(${toolCache}\\): expected a directory spark-azure can install its tools into, found a file where a folder should be at ${toolCache}/\\S+\\. Set SPARK_AZURE_TOOLS_DIR to a writable directory`,
        ),
      ),
    ]);
  });

  it('stops, naming what to install, when it cannot ask the gallery (no az), instead of building anyway', async () => {
    // A PATH with node and bash only: this machine may have no az at all, but the check must not depend on it.
    const bare = mkdtempSync(path.join(os.tmpdir(), 'bare-path-'));
    for (const tool of ['node', 'bash']) symlinkSync(execFileSync('which', [tool]).toString().trim(), path.join(bare, tool));
    const toolCache = mkdtempSync(path.join(os.tmpdir(), 'image-build-cache-'));
    const gallery = { galleryName: 'gal_spark', subscriptionId: '00000000-0000-0000-0000-000000000000', galleryResourceGroup: 'rg-images', managedImageResourceGroup: 'rg-images' };
    const run = await runGithubAction('image-build', gallery, { GITHUB_WORKSPACE: ROOT, SPARK_AZURE_TOOLS_DIR: toolCache, PATH: bare });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::az sig image-version show gal_spark\/spark-node\/[\d.]+: expected to succeed, found exit 127.*Install the Azure CLI/);
    expect(readdirSync(toolCache)).toEqual([]);
  });

  it('needs the gallery details once a gallery is named', async () => {
    const run = await runGithubAction('image-build', { galleryName: 'spark_azure' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'subscriptionId': expected the subscription of the gallery/);
  });
});
