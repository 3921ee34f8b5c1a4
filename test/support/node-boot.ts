import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensureTerraformCli } from '../../src/tools/terraform-cli.js';
import { ensureAzurermProvider } from './azurerm-provider.js';
import { ROOT } from './run-bundle.js';

/**
 * The custom data envs/vm gives every node, rendered by Terraform with the real azurerm schema (mocked API):
 * `tree` is a copy of infra/terraform (copyOfTerraformTree). Returns `<role>-<n>` → the cloud-config.
 */
export async function renderVmCustomData(tree: string): Promise<Record<string, string>> {
  const root = path.join(tree, 'envs', 'vm');
  const rendered = await mkdtemp(path.join(os.tmpdir(), 'rendered-custom-data-'));
  const fixture = path.join(ROOT, 'test', 'fixtures', 'terraform-render');
  mkdirSync(path.join(root, 'tests', 'render'), { recursive: true });
  cpSync(path.join(fixture, 'main.tf'), path.join(root, 'tests', 'render', 'main.tf'));
  writeFileSync(path.join(root, 'tests', 'render.tftest.hcl'), readFileSync(path.join(fixture, 'render.tftest.hcl'), 'utf8').replace('RENDERED_DIRECTORY', rendered));
  const cli = await ensureTerraformCli(cliDirectories().toolCache, silentLog);
  const provider = await ensureAzurermProvider();
  const env = { ...process.env, TF_CLI_CONFIG_FILE: provider.cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
  const init = await $({ cwd: root, env, nothrow: true, quiet: true })`${cli} init -backend=false -input=false -no-color`;
  if (init.exitCode !== 0) throw new Error(`terraform init: ${init.stderr}`);
  const test = await $({ cwd: root, env, nothrow: true, quiet: true })`${cli} test -no-color -filter=tests/render.tftest.hcl`;
  if (test.exitCode !== 0) throw new Error(`terraform test (render): ${test.stdout}${test.stderr}`);
  return Object.fromEntries(readdirSync(rendered).map((file) => [file.replace(/\.yaml$/, ''), readFileSync(path.join(rendered, file), 'utf8')]));
}

/** node.json as a document's write_files carries it. */
export function nodeFactsOf(cloudConfig: string): Record<string, unknown> {
  const content = /content: ([A-Za-z0-9+/=]+)/.exec(cloudConfig)?.[1];
  if (!content) throw new Error('no node.json content in the document');
  return JSON.parse(Buffer.from(content, 'base64').toString('utf8')) as Record<string, unknown>;
}
