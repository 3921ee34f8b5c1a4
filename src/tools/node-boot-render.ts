import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { $ } from 'zx/core';
import type { NodeBootInput } from '../core/infra/node-boot.js';
import { suiteContent } from './suite-content.js';
import { parseToolJson } from './tool-answer.js';
import { requireSuccess } from './tool-result.js';
import { terraformError } from './terraform-runner.js';

/**
 * Renders nodes' custom data with the real module (infra/terraform/modules/node-boot), as Terraform does
 * for the VMs: one small root in `workDir` calling the module once per node, evaluated by `terraform
 * console` (no provider, no state). Returns each node's cloud-config document.
 */
export async function renderNodeBoot(terraform: string, workDir: string, inputs: Readonly<Record<string, NodeBootInput>>): Promise<Record<string, string>> {
  mkdirSync(workDir, { recursive: true });
  const module = path.join(suiteContent().terraformDir, 'modules', 'node-boot');
  writeFileSync(
    path.join(workDir, 'main.tf'),
    `variable "nodes" {
  type = map(object({
    role                = string
    cluster             = string
    node                = optional(object({ name = string, host = string, zookeeper_id = optional(number) }))
    zookeepers          = list(object({ id = number, name = string, host = string }))
    masters             = list(object({ name = string, host = string }))
    zookeeper_dir       = string
    role_variables      = map(string)
    configuration_store = object({ kind = string, key_vault_name = optional(string), secret_name = optional(string), identity_client_id = optional(string), path = optional(string), cluster_secret_name = optional(string), cluster_secret_path = optional(string) })
  }))
}

module "boot" {
  source   = ${JSON.stringify(module)}
  for_each = var.nodes

  role                = each.value.role
  cluster             = each.value.cluster
  node                = each.value.node
  zookeepers          = each.value.zookeepers
  masters             = each.value.masters
  zookeeper_dir       = each.value.zookeeper_dir
  role_variables      = each.value.role_variables
  configuration_store = each.value.configuration_store
}
`,
  );
  writeFileSync(path.join(workDir, 'nodes.auto.tfvars.json'), `${JSON.stringify({ nodes: inputs }, null, 2)}\n`);
  const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
  const run = (args: string[], input?: string) => $({ cwd: workDir, env, nothrow: true, quiet: true, input })`${terraform} ${args}`;
  requireSuccess(await run(['init', '-input=false', '-no-color', '-backend=false']), 'terraform init (the nodes’ custom data)', 'Read Terraform’s error above.', terraformError);
  const rendered = requireSuccess(
    await run(['console', '-no-color'], 'jsonencode({ for name, boot in module.boot : name => boot.cloud_config })\n'),
    'terraform console (the nodes’ custom data)',
    'Read Terraform’s error above.',
    terraformError,
  );
  return parseToolJson<Record<string, string>>('terraform console', parseToolJson<string>('terraform console', rendered.stdout.trim()));
}
