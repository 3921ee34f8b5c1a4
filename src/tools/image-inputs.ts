import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ContentFile } from '../core/infra/image-version.js';

/** What shapes the golden image: the Packer templates, the Ansible roles and playbooks, the plugin source. */
export const IMAGE_INPUT_DIRECTORIES = ['infra/packer', 'infra/ansible', 'infra/spark-recovery'];

export function imageInputs(root: string): ContentFile[] {
  return IMAGE_INPUT_DIRECTORIES.flatMap((directory) =>
    readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith('.md') && entry.name !== 'manifest.json')
      .map((entry) => {
        const absolute = path.join(entry.parentPath, entry.name);
        return { path: path.relative(root, absolute).split(path.sep).join('/'), content: readFileSync(absolute) };
      }),
  );
}
