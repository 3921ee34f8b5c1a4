import { createHash } from 'node:crypto';

export interface ContentFile {
  /** Path relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly content: string | Buffer;
}

/**
 * The gallery image version for a set of image inputs: Major.Minor.Patch from a SHA-256 of every file's
 * path and content, in path order. The same inputs always give the same version (image-build skips the
 * build when the gallery has it); any change gives another. Minor and patch take 24 bits each, well within
 * the gallery's 32-bit limit.
 */
export function imageVersion(files: readonly ContentFile[], major = 1): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(file.path).update('\0').update(file.content).update('\0');
  }
  const hex = hash.digest('hex');
  return `${major}.${Number.parseInt(hex.slice(0, 6), 16)}.${Number.parseInt(hex.slice(6, 12), 16)}`;
}
