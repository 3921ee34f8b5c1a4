import { InputError, describeValue } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs/input-reader.js';

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

export function readImageBuildSettings(inputs: InputReader): ImageBuildSettings {
  const galleryName = inputs.optional('galleryName');
  const required = (name: string, expected: string, example: string) => (galleryName ? inputs.required(name, expected, example) : inputs.optional(name));
  const subscriptionId = required('subscriptionId', 'the subscription of the gallery', '00000000-0000-0000-0000-000000000000');
  if (subscriptionId !== undefined && !/^[0-9a-fA-F-]{36}$/.test(subscriptionId)) {
    throw new InputError('subscriptionId', 'a subscription GUID', describeValue(subscriptionId), 'Copy it from `az account show --query id`.');
  }
  return {
    template: inputs.optional('template'),
    subscriptionId,
    location: inputs.optional('location') ?? 'westeurope',
    galleryResourceGroup: required('galleryResourceGroup', 'the resource group of the Azure Compute Gallery', 'rg-images'),
    galleryName,
    imageName: inputs.optional('imageName') ?? 'spark-node',
    managedImageResourceGroup: required('managedImageResourceGroup', 'the resource group for the managed image', 'rg-images'),
    replicationRegions: (inputs.optional('replicationRegions') ?? '')
      .split(',')
      .map((region) => region.trim())
      .filter(Boolean),
    sparkVersion: inputs.optional('sparkVersion') ?? '4.3.0',
    force: inputs.boolean('force', false),
  };
}
