import { describe, expect, it } from 'vitest';
import { galleryImageVersionId, lastRunBuild, parseMachineReadable } from '../../src/core/infra/packer-output.js';
import { fixture } from './fixtures.js';

describe('Packer output (captured from Packer 1.6.6)', () => {
  it('reads the artifacts and messages of a build', () => {
    const output = parseMachineReadable(fixture('packer-1.6-null-build.txt'));
    expect(output.artifacts.map((artifact) => [artifact.builder, artifact.id])).toEqual([
      ['null.spark_node', 'Null'],
      ['null.spark_node', 'Null'],
    ]);
    expect(output.errors).toEqual([]);
    expect(output.messages.some((message) => message.includes('Builds finished'))).toBe(true);
  });

  it("takes this run's manifest entry, not an earlier one", () => {
    const manifest = JSON.parse(fixture('packer-1.6-manifest.json'));
    const current = lastRunBuild(manifest);
    expect(current.custom_data?.image_version).toBe('1.2.3');
    const withOlder = { ...manifest, builds: [{ ...manifest.builds[0], packer_run_uuid: 'older', artifact_id: 'old' }, ...manifest.builds] };
    expect(lastRunBuild(withOlder).artifact_id).toBe(current.artifact_id);
    expect(() => lastRunBuild({ builds: [], last_run_uuid: 'x' })).toThrow(/no build for its last run \(x\)/);
  });

  it('unescapes commas and finds the gallery image version of an azure-arm artifact', () => {
    // The text azure-arm prints for a gallery destination (format from Packer's azure builder).
    const line =
      '1795481100,azure-arm.spark_node,artifact,0,string,Azure.ResourceManagement.VMImage:\\n\\nOSType: Linux\\nManagedImageId: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/images/spark-node-1.2.3\\nManagedImageSharedImageGalleryId: /subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/spark-node/versions/1.2.3\\nManagedImageSharedImageGalleryReplicatedRegions: westeurope%!(PACKER_COMMA) northeurope';
    const artifacts = parseMachineReadable(line).artifacts;
    expect(galleryImageVersionId(artifacts)).toBe('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/galleries/g/images/spark-node/versions/1.2.3');
    expect(artifacts[0]!.text).toContain('westeurope, northeurope');
  });
});
