#!/usr/bin/env node
// `npm run package`: the Azure DevOps extension as a .vsix, built with tfx-cli from the staged layout, into
// build/. Prints the .vsix's path.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion, stageExtension } from './stage-extension.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function packageExtension(outputDir = path.join(root, 'build')) {
  const staged = path.join(outputDir, 'extension');
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  stageExtension(staged);
  const vsix = path.join(outputDir, `spark-azure-${packageVersion()}.vsix`);
  rmSync(vsix, { force: true });
  const tfx = path.join(root, 'node_modules', 'tfx-cli', '_build', 'tfx-cli.js');
  execFileSync(process.execPath, [tfx, 'extension', 'create', '--root', staged, '--manifest-globs', 'vss-extension.json', '--output-path', vsix, '--no-prompt', '--no-color'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return vsix;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(packageExtension(process.argv[2] && path.resolve(process.argv[2])));
