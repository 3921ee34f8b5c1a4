import { existsSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import { buildGoModule } from './go-build.js';
import type { Log } from '../core/log.js';

export const OPENTOFU_VERSION = 'v1.12.6';

/**
 * A Terraform-compatible CLI: `terraform` when installed, else OpenTofu built once from the Go module proxy
 * (the registries this machine reaches serve no Terraform binary) into the tools cache.
 */
export async function ensureTerraformCli(toolCache: string, log: Log): Promise<string> {
  if ((await $`terraform version`.quiet().nothrow()).exitCode === 0) return 'terraform';
  const bin = path.join(toolCache, 'opentofu', OPENTOFU_VERSION, 'bin');
  const tofu = path.join(bin, 'tofu');
  if (existsSync(tofu)) return tofu;
  log.info(`Terraform is missing: building OpenTofu ${OPENTOFU_VERSION} from the Go module proxy into ${bin} (once)`);
  return buildGoModule({
    module: 'github.com/opentofu/opentofu',
    version: OPENTOFU_VERSION,
    packagePath: './cmd/tofu',
    output: tofu,
    fix: 'Install Terraform or OpenTofu on PATH.',
  });
}
