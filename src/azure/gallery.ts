import { $ } from 'zx/core';

export interface GalleryImage {
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly galleryName: string;
  readonly imageName: string;
}

/** The gallery's id for this version of the image, or undefined when it has none (az answers non-zero). */
export async function galleryVersionId(image: GalleryImage, version: string): Promise<string | undefined> {
  const show = await $({
    nothrow: true,
    quiet: true,
  })`az sig image-version show --subscription ${image.subscriptionId} --resource-group ${image.resourceGroup} --gallery-name ${image.galleryName} --gallery-image-definition ${image.imageName} --gallery-image-version ${version} --query id --output tsv`;
  return show.exitCode === 0 && show.stdout.trim() ? show.stdout.trim() : undefined;
}
