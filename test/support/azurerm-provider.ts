import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { buildGoModule } from '../../src/tools/go-build.js';

/**
 * The azurerm provider's module path has no major suffix, so the Go module proxy serves 5.x only by commit
 * pseudo-version: this is a 5.x commit of 2026-08-24 (after 5.2.0).
 */
export const AZURERM_MODULE = 'github.com/hashicorp/terraform-provider-azurerm';
export const AZURERM_VERSION = 'v1.44.1-0.20260824201233-fae580791926';

/**
 * The real azurerm provider, built from the Go module proxy into the tool cache once (15-20 min and about
 * 16 GB of Go build cache on 2 cores), and a Terraform CLI configuration whose dev_overrides point at it:
 * Terraform then uses it for hashicorp/azurerm without a registry. Fails with what to install when Go is
 * missing: never a silent skip.
 */
export async function ensureAzurermProvider(): Promise<{ binary: string; cliConfig: string }> {
  const directory = path.join(cliDirectories().toolCache, 'terraform-providers', 'azurerm', AZURERM_VERSION, 'bin');
  const binary = path.join(directory, 'terraform-provider-azurerm');
  if (!existsSync(binary)) await buildGoModule({ module: AZURERM_MODULE, version: AZURERM_VERSION, output: binary });
  const cliConfig = path.join(directory, '..', 'terraform.rc');
  mkdirSync(path.dirname(cliConfig), { recursive: true });
  writeFileSync(cliConfig, `provider_installation {\n  dev_overrides {\n    "hashicorp/azurerm" = ${JSON.stringify(directory)}\n  }\n  direct {}\n}\n`);
  return { binary, cliConfig };
}
