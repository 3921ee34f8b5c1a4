import { InputError, describeValue } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { AZURE_GALLERY, AZURE_IMAGE_DEFINITION, AZURE_REGION, AZURE_RESOURCE_GROUP, type NamePattern, SPARK_VERSION } from '../../core/inputs/name-patterns.js';

export interface ImageBuildSettings {
  /** The user's Packer template, relative to the workspace; undefined: spark-azure's own. */
  readonly template?: string;
  readonly subscriptionId?: string;
  readonly location: string;
  readonly galleryResourceGroup?: string;
  readonly galleryName?: string;
  readonly imageName: string;
  readonly managedImageResourceGroup?: string;
  readonly replicationRegions: readonly string[];
  readonly sparkVersion: string;
  /** Build even when the gallery already has this content's version. */
  readonly force: boolean;
}

/** Every input checked here, before Packer, Python or the plugin is installed (each can take minutes). */
export function readImageBuildSettings(inputs: InputReader): ImageBuildSettings {
  const galleryName = inputs.optionalName('galleryName', AZURE_GALLERY);
  const required = (name: string, expected: string, example: string) => (galleryName ? inputs.required(name, expected, example) : inputs.optional(name));
  const requiredName = (name: string, kind: NamePattern, expected: string) => (galleryName ? inputs.requiredName(name, kind, expected) : inputs.optionalName(name, kind));
  const subscriptionId = required('subscriptionId', 'the subscription of the gallery', '00000000-0000-0000-0000-000000000000');
  if (subscriptionId !== undefined && !/^[0-9a-fA-F-]{36}$/.test(subscriptionId)) {
    throw new InputError('subscriptionId', 'a subscription GUID', describeValue(subscriptionId), 'Copy it from `az account show --query id`.');
  }
  return {
    template: inputs.optional('template'),
    subscriptionId,
    location: inputs.optionalName('location', AZURE_REGION) ?? 'westeurope',
    galleryResourceGroup: requiredName('galleryResourceGroup', AZURE_RESOURCE_GROUP, 'the resource group of the Azure Compute Gallery'),
    galleryName,
    imageName: inputs.optionalName('imageName', AZURE_IMAGE_DEFINITION) ?? 'spark-node',
    managedImageResourceGroup: requiredName('managedImageResourceGroup', AZURE_RESOURCE_GROUP, 'the resource group for the managed image'),
    replicationRegions: readRegions(inputs.optional('replicationRegions')),
    sparkVersion: inputs.optionalName('sparkVersion', SPARK_VERSION) ?? '4.3.0',
    force: inputs.boolean('force', false),
  };
}

function readRegions(raw: string | undefined): string[] {
  const regions = (raw ?? '')
    .split(',')
    .map((region) => region.trim())
    .filter(Boolean);
  regions.forEach((region, index) => {
    if (!AZURE_REGION.pattern.test(region)) {
      throw new InputError(
        'replicationRegions',
        `regions separated by commas (${AZURE_REGION.expected})`,
        `entry ${index + 1}: ${describeValue(region)}`,
        'Write e.g. westeurope,northeurope.',
      );
    }
  });
  return regions;
}
