import { existsSync } from 'node:fs';
import path from 'node:path';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { buildGoModule } from '../../src/tools/go-build.js';

export const ACTIONLINT_VERSION = 'v1.7.12';

/** rhysd/actionlint, built from the Go module proxy into the tool cache once (seconds), then reused. */
export async function ensureActionlint(): Promise<string> {
  const binary = path.join(cliDirectories().toolCache, 'actionlint', ACTIONLINT_VERSION, 'bin', 'actionlint');
  if (existsSync(binary)) return binary;
  return buildGoModule({ module: 'github.com/rhysd/actionlint', version: ACTIONLINT_VERSION, packagePath: './cmd/actionlint', output: binary });
}
