import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { buildGoModule } from '../../src/tools/go-build.js';

/**
 * The azurerm provider's module path has no major suffix, so the Go module proxy serves 5.x only by commit
 * pseudo-version: this is a 5.x commit of 2026-08-24 (after 5.2.0).
 */
export const AZURERM_MODULE = 'github.com/hashicorp/terraform-provider-azurerm';
export const AZURERM_VERSION = 'v1.44.1-0.20260824201233-fae580791926';
/** Its label in the mirror: the last release it contains (its CHANGELOG tops at 5.2.0) plus the commit. */
export const AZURERM_MIRROR_VERSION = '5.2.0+fae580791926';

/**
 * The real azurerm provider, built from the Go module proxy into the tool cache once (14 min 52 s on this
 * 2-core machine beside other builds; the Go build cache held 7.7 GB after it), in a filesystem mirror, and a Terraform CLI configuration that
 * installs hashicorp/azurerm from that mirror only: `terraform init` then asks no registry. Fails with what
 * to install when Go is missing: never a silent skip.
 */
export async function ensureAzurermProvider(): Promise<{ binary: string; cliConfig: string }> {
  const home = path.join(cliDirectories().toolCache, 'terraform-providers', 'azurerm', AZURERM_VERSION);
  const binary = path.join(home, 'bin', 'terraform-provider-azurerm');
  if (!existsSync(binary)) await buildGoModule({ module: AZURERM_MODULE, version: AZURERM_VERSION, output: binary });
  const mirror = path.join(home, 'mirror');
  const platform = path.join(mirror, 'registry.terraform.io', 'hashicorp', 'azurerm', AZURERM_MIRROR_VERSION, 'linux_amd64');
  if (!existsSync(path.join(platform, 'terraform-provider-azurerm'))) {
    mkdirSync(platform, { recursive: true });
    symlinkSync(binary, path.join(platform, 'terraform-provider-azurerm'));
  }
  const cliConfig = path.join(home, 'terraform.rc');
  writeFileSync(
    cliConfig,
    `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/azurerm"]\n  }\n}\n`,
  );
  return { binary, cliConfig };
}
