import { existsSync } from 'node:fs';
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

  it('refuses a template that is not there, naming the input', async () => {
    const run = await runGithubAction('image-build', { template: 'infra/packer/nope.pkr.hcl' }, { GITHUB_WORKSPACE: ROOT });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'template': expected a Packer template in the workspace, found "infra\/packer\/nope\.pkr\.hcl"/);
  });

  it('needs the gallery details once a gallery is named', async () => {
    const run = await runGithubAction('image-build', { galleryName: 'spark_azure' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'subscriptionId': expected the subscription of the gallery/);
  });
});
