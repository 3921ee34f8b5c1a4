import { ToolAnswerError } from '../errors.js';
/** Pure readers of what `packer build -machine-readable` prints and of its manifest post-processor's file. */

export interface PackerArtifact {
  readonly builder: string;
  readonly id?: string;
  readonly text: string;
}

export interface MachineReadable {
  readonly artifacts: readonly PackerArtifact[];
  readonly errors: readonly string[];
  /** The human messages (type `ui`), for the log. */
  readonly messages: readonly string[];
}

/** Lines are `timestamp,builder,type,data...`; commas inside data are escaped as %!(PACKER_COMMA). */
export function parseMachineReadable(output: string): MachineReadable {
  const artifacts = new Map<string, { builder: string; id?: string; text: string }>();
  const errors: string[] = [];
  const messages: string[] = [];
  for (const line of output.split('\n')) {
    const fields = line.split(',').map((field) => field.replace(/%!\(PACKER_COMMA\)/g, ',').replace(/\\n/g, '\n'));
    if (fields.length < 3 || !/^\d+$/.test(fields[0]!)) continue;
    const [, builder = '', type = '', ...data] = fields;
    if (type === 'ui') {
      const [level, message = ''] = data;
      (level === 'error' ? errors : messages).push(message.trim());
    } else if (type === 'error') {
      errors.push(data.join(',').trim());
    } else if (type === 'artifact') {
      const [index = '0', key = '', ...value] = data;
      const artifact = artifacts.get(`${builder}/${index}`) ?? { builder, text: '' };
      if (key === 'id') artifact.id = value.join(',');
      if (key === 'string') artifact.text = value.join(',');
      artifacts.set(`${builder}/${index}`, artifact);
    }
  }
  return { artifacts: [...artifacts.values()], errors, messages };
}

export interface ManifestBuild {
  readonly name: string;
  readonly builder_type: string;
  readonly artifact_id: string;
  readonly packer_run_uuid: string;
  readonly custom_data?: Record<string, string>;
}

/**
 * The manifest appends one entry per build run: take this run's (`last_run_uuid`), never a stale entry left
 * by an earlier run in the same directory.
 */
export function lastRunBuild(manifest: unknown): ManifestBuild {
  const document = manifest as { builds?: ManifestBuild[]; last_run_uuid?: string };
  const build = document.builds?.filter((entry) => entry.packer_run_uuid === document.last_run_uuid).at(-1);
  if (!build) throw new ToolAnswerError('the Packer manifest', 'a build for its last run', `no build for its last run (${document.last_run_uuid ?? 'none'})`);
  return build;
}

/** The gallery image version an azure-arm build published, as its artifact text names it. */
export function galleryImageVersionId(artifacts: readonly PackerArtifact[]): string | undefined {
  for (const artifact of artifacts) {
    const match = /ManagedImageSharedImageGalleryId:\s*(\S+)/.exec(artifact.text);
    if (match) return match[1];
  }
  return undefined;
}
