import { existsSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import { requireSuccess } from './tool-result.js';
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
  log.info(`Terraform is missing: building OpenTofu ${OPENTOFU_VERSION} from the Go module proxy (once)`);
  const build = await $({ env: { ...process.env, GOBIN: bin }, nothrow: true, quiet: true })`go install github.com/opentofu/opentofu/cmd/tofu@${OPENTOFU_VERSION}`;
  requireSuccess(build, `go install of OpenTofu ${OPENTOFU_VERSION}`, 'Install Terraform or OpenTofu on PATH.');
  return tofu;
}
