import { $ } from 'zx/core';
import { ActionableError } from '../core/errors.js';
import { requireSuccess } from '../tools/tool-result.js';
import { azOption } from './remote-commands.js';

export interface GalleryImage {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly galleryName: string;
  readonly imageName: string;
}

/**
 * The gallery's id for this version of the image, or undefined when Azure says it has none. Any other
 * failure (no az, no login, no access) stops the action: building anyway would spend the build's minutes
 * and fail at publishing, or publish a version that was already there.
 */
export async function galleryVersionId(image: GalleryImage, version: string): Promise<string | undefined> {
  const show = await $({ nothrow: true, quiet: true })`az sig image-version show ${[
    azOption('subscription', image.subscriptionId),
    azOption('resource-group', image.resourceGroup),
    azOption('gallery-name', image.galleryName),
    azOption('gallery-image-definition', image.imageName),
    azOption('gallery-image-version', version),
  ]} --query id --output tsv`;
  if (show.exitCode !== 0 && /ResourceNotFound|NotFound|was not found/i.test(show.stderr)) return undefined;
  requireSuccess(
    show,
    `az sig image-version show ${image.galleryName}/${image.imageName}/${version}`,
    show.exitCode === 127
      ? 'Install the Azure CLI on the runner (Microsoft-hosted runners have it) and sign in with azure/login first, or leave galleryName empty.'
      : 'Sign in with azure/login as an identity that may read the gallery, and check subscriptionId, galleryResourceGroup and galleryName.',
  );
  const id = show.stdout.trim();
  if (!id) throw new ActionableError(`az sig image-version show ${version}`, 'the image version id', 'nothing', 'Check the Azure CLI on the runner (az version).');
  return id;
}
