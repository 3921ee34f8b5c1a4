import { readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './run-bundle.js';

export const TERRAFORM = path.join(ROOT, 'infra', 'terraform');

/**
 * A copy of infra/terraform to run Terraform in (init writes .terraform beside a configuration), with one file
 * changed when a check must be shown to catch a broken invariant; a change that changes nothing is a test bug.
 */
export async function copyOfTerraformTree(file?: string, change?: (text: string) => string): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), 'tf-copy-'));
  await cp(TERRAFORM, copy, { recursive: true, filter: (source) => !source.includes('.terraform') });
  if (file && change) {
    const target = path.join(copy, file);
    const before = readFileSync(target, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the mutation of ${file} changed nothing`);
    writeFileSync(target, after);
  }
  return copy;
}
