import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ToolAnswerError } from '../core/errors.js';

interface WriteFile {
  readonly path: string;
  readonly content?: string;
  readonly encoding?: string;
  readonly permissions?: string;
}

/**
 * What cloud-init's write_files does with a node's custom data, under the node's own directory, which is the
 * local node's `/`: the one cloud-init module the boot path's documents use besides the data disk's (which a
 * local node has none of). A test holds this to cloud-init's own cc_write_files on the same documents.
 */
export function applyWriteFiles(cloudConfig: string, root: string): string[] {
  const document = parse(cloudConfig) as { write_files?: WriteFile[] } | null;
  const written: string[] = [];
  for (const file of document?.write_files ?? []) {
    if (!file.path?.startsWith('/')) throw new ToolAnswerError('the rendered custom data', 'write_files paths that are absolute', JSON.stringify(file.path));
    const target = path.join(root, file.path);
    const encoding = (file.encoding ?? 'text').toLowerCase();
    const content = ['b64', 'base64'].includes(encoding) ? Buffer.from(file.content ?? '', 'base64') : Buffer.from(file.content ?? '', 'utf8');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    chmodSync(target, Number.parseInt(file.permissions ?? '0644', 8));
    written.push(target);
  }
  return written;
}
