import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { $ } from 'zx';
import { VM_ROOT_OUTPUTS } from '../../src/core/infra/vm-outputs.js';

/**
 * spark-azure's infrastructure invariants, checked on a Terraform tree (infra/terraform or a mutated copy).
 * Where Terraform can evaluate something without a provider (variable validations, locals) it does:
 * `terraform console` on a copy of the module's variables and locals. Everything else is read from the
 * parsed HCL. Each check returns its violations, empty when the invariant holds.
 */

type Block = Record<string, unknown>;
type Resources = Record<string, Record<string, Block[]>>;

const OPEN_SOURCES = new Set(['*', 'internet', 'any', '0.0.0.0/0', '::/0']);

export async function parsedResources(root: string): Promise<Resources> {
  const resources: Resources = {};
  for (const file of terraformFiles(root)) {
    const json = (await parse(file, readFileSync(file, 'utf8'))) as { resource?: Resources };
    for (const [type, named] of Object.entries(json.resource ?? {})) resources[type] = { ...resources[type], ...named };
  }
  return resources;
}

export function terraformFiles(root: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.tf') && !file.includes('.terraform'))
    .map((file) => path.join(root, file));
}

/** Evaluates an expression in a module's variables and locals, with the given variables, through the CLI. */
export async function evaluate(cli: string, moduleDir: string, expression: string, variables: Record<string, string>): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'tf-eval-'));
  for (const file of ['variables.tf', 'locals.tf']) {
    await cp(path.join(moduleDir, file), path.join(scratch, file)).catch(() => undefined);
  }
  const args = Object.entries(variables).flatMap(([key, value]) => ['-var', `${key}=${value}`]);
  const result = await $({ cwd: scratch, input: `jsonencode(${expression})\n`, nothrow: true, quiet: true })`${cli} console ${args}`;
  const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
  // The console reports a failed variable validation but still evaluates and exits 0.
  const rejected = /Invalid value for variable/.test(result.stdout + result.stderr);
  if (result.exitCode !== 0 || rejected) return { ok: false, error: plain(result.stderr + result.stdout) };
  // The value is jsonencode's one quoted line; the CLI may print warnings around it.
  const line = plain(result.stdout)
    .split('\n')
    .find((candidate) => candidate.startsWith('"'));
  if (line === undefined) return { ok: false, error: `no value in: ${plain(result.stdout)}` };
  return { ok: true, value: JSON.parse(JSON.parse(line)) };
}

const MODULE_VARIABLES = {
  name: 'spark',
  resource_group_name: 'rg',
  location: 'westeurope',
  subnet_id: 's',
  subnet_prefix: '10.40.1.0/24',
  image_id: 'i',
  admin_ssh_public_key: 'k',
};

export async function zookeeperCountViolations(cli: string, root: string): Promise<string[]> {
  const module = path.join(root, 'modules', 'zookeeper');
  const accepted: number[] = [];
  for (let count = 0; count <= 8; count++) {
    if ((await evaluate(cli, module, 'var.zookeeper_count', { ...MODULE_VARIABLES, zookeeper_count: String(count) })).ok) accepted.push(count);
  }
  const violations = accepted.filter((count) => count < 3 || count % 2 === 0).map((count) => `the zookeeper module accepts zookeeper_count = ${count}`);
  if (!accepted.includes(3)) violations.push('the zookeeper module rejects zookeeper_count = 3');
  if ((await evaluate(cli, module, 'var.zones', { ...MODULE_VARIABLES, zones: '["1","2"]' })).ok) violations.push('the zookeeper module accepts only 2 availability zones');
  return violations;
}

export async function zoneSpreadViolations(cli: string, root: string): Promise<string[]> {
  const violations: string[] = [];
  for (const count of [3, 5]) {
    const result = await evaluate(cli, path.join(root, 'modules', 'fixed-vms'), 'local.instances', {
      ...MODULE_VARIABLES,
      role: 'zookeeper',
      instance_count: String(count),
      zones: '["1","2","3"]',
      vm_size: 'v',
      admin_username: 'a',
    });
    if (!result.ok) return [`fixed-vms instances cannot be evaluated: ${result.error}`];
    const instances = Object.values(result.value as Record<string, { zone: string; private_ip: string }>);
    const perZone = new Map<string, number>();
    for (const instance of instances) perZone.set(instance.zone, (perZone.get(instance.zone) ?? 0) + 1);
    if (Math.max(...perZone.values()) > Math.ceil(count / 3)) violations.push(`${count} VMs are not spread evenly over 3 zones: ${JSON.stringify(Object.fromEntries(perZone))}`);
    if (new Set(instances.map((instance) => instance.private_ip)).size !== count) violations.push(`${count} VMs do not get distinct static addresses`);
  }
  return violations;
}

export function publicIpViolations(resources: Resources): string[] {
  const violations: string[] = [];
  for (const [name, [nic]] of Object.entries(resources.azurerm_network_interface ?? {})) {
    for (const configuration of (nic?.ip_configuration as Block[] | undefined) ?? []) {
      if (configuration.public_ip_address_id !== undefined) violations.push(`network interface ${name} has a public IP`);
    }
  }
  for (const type of ['azurerm_orchestrated_virtual_machine_scale_set', 'azurerm_linux_virtual_machine_scale_set']) {
    for (const [name, [set]] of Object.entries(resources[type] ?? {})) {
      for (const nic of (set?.network_interface as Block[] | undefined) ?? []) {
        for (const configuration of (nic.ip_configuration as Block[] | undefined) ?? []) {
          if (configuration.public_ip_address !== undefined) violations.push(`scale set ${name} gives its instances public IPs`);
        }
      }
    }
  }
  // A public IP may only front Bastion or the NAT gateway.
  const allowedUsers = JSON.stringify([resources.azurerm_bastion_host, resources.azurerm_nat_gateway_public_ip_association]);
  for (const name of Object.keys(resources.azurerm_public_ip ?? {})) {
    if (!allowedUsers.includes(`azurerm_public_ip.${name}.id`)) violations.push(`public IP ${name} is used by something other than Bastion or the NAT gateway`);
  }
  return violations;
}

/** Inbound allow rules: never from the Internet, and per port only from the roles that need it. */
export async function nsgViolations(cli: string, root: string, resources: Resources): Promise<string[]> {
  const violations: string[] = [];
  const module = path.join(root, 'modules', 'network');
  const evaluated = await evaluate(cli, module, '{ subnets = local.subnets, rules = local.nsg_rules }', { name: 'spark', resource_group_name: 'rg', location: 'westeurope' });
  if (!evaluated.ok) return [`network rules cannot be evaluated: ${evaluated.error}`];
  const { subnets, rules } = evaluated.value as { subnets: Record<string, string>; rules: { role: string; ports: string[]; sources: string[] }[] };
  const roleOf = new Map(Object.entries(subnets).map(([role, prefix]) => [prefix, role]));
  const allowedSources: [RegExp, string[]][] = [
    // Workers never speak to ZooKeeper; 6066 (the REST submission server, unauthenticated) from nobody.
    [/^2181$/, ['zookeeper', 'masters', 'runners']],
    [/^(2888|3888)$/, ['zookeeper']],
    [/^7077$/, ['masters', 'workers', 'runners', 'bastion']],
    [/^6066$/, []],
    // The masters' web UI also serves their metrics and /json/ status to the monitoring VM.
    [/^8080$/, ['masters', 'workers', 'runners', 'bastion', 'monitoring']],
    [/^(7000|8081|9100)$/, ['monitoring']],
    [/^(9090|9093|3000)$/, ['runners', 'bastion']],
    [/^22$/, ['bastion', 'runners']],
  ];
  for (const rule of rules) {
    for (const source of rule.sources) {
      const role = roleOf.get(source);
      if (!role) violations.push(`${rule.role} allows ${rule.ports.join(',')} from ${source}, outside the cluster`);
      for (const port of rule.ports) {
        const allowed = allowedSources.find(([pattern]) => pattern.test(port))?.[1];
        if (allowed && role && !allowed.includes(role)) violations.push(`${rule.role} allows port ${port} from the ${role} subnet`);
      }
    }
  }
  const literalRules = [
    ...Object.entries(resources.azurerm_network_security_rule ?? {}).map(([name, [rule]]) => [name, rule] as const),
    ...Object.entries(resources.azurerm_network_security_group ?? {}).flatMap(([name, [group]]) =>
      ((group?.security_rule as Block[] | undefined) ?? []).map((rule) => [name, rule] as const),
    ),
  ];
  for (const [name, rule] of literalRules) {
    if (rule?.access !== 'Allow' || rule.direction !== 'Inbound') continue;
    const sources = [rule.source_address_prefix, ...((rule.source_address_prefixes as unknown[]) ?? [])].filter((source): source is string => typeof source === 'string');
    if (sources.some((source) => OPEN_SOURCES.has(source.toLowerCase()))) violations.push(`NSG rule ${name} allows inbound traffic from the Internet`);
    if (sources.some((source) => source.startsWith('${') && source !== '${each.value.sources}'))
      violations.push(`NSG rule ${name} takes its sources from an expression the checks cannot follow`);
  }
  const denies = Object.values(resources.azurerm_network_security_rule ?? {}).filter(
    ([rule]) => rule?.access === 'Deny' && rule.direction === 'Inbound' && rule.source_address_prefix === '*',
  );
  if (denies.length === 0) violations.push('no NSG denies the rest of the inbound traffic (Azure allows the whole VNet by default)');
  return violations;
}

export async function missingOutputViolations(root: string): Promise<string[]> {
  const outputs = new Set<string>();
  for (const file of terraformFiles(path.join(root, 'envs', 'vm'))) {
    const json = (await parse(file, readFileSync(file, 'utf8'))) as { output?: Record<string, unknown> };
    for (const name of Object.keys(json.output ?? {})) outputs.add(name);
  }
  return VM_ROOT_OUTPUTS.filter((name) => !outputs.has(name)).map((name) => `envs/vm has no output '${name}', which the actions read`);
}

export function hardeningViolations(resources: Resources): string[] {
  const violations: string[] = [];
  const vms = [
    ...Object.entries(resources.azurerm_linux_virtual_machine ?? {}).map(([name, [vm]]) => ({ name, vm: vm!, linux: vm })),
    ...Object.entries(resources.azurerm_orchestrated_virtual_machine_scale_set ?? {}).map(([name, [vm]]) => ({
      name,
      vm: vm!,
      linux: ((vm?.os_profile as Block[] | undefined)?.[0]?.linux_configuration as Block[] | undefined)?.[0],
    })),
  ];
  for (const { name, vm, linux } of vms) {
    if (vm.encryption_at_host_enabled !== true) violations.push(`${name}: encryption at host is off`);
    if (linux?.disable_password_authentication !== true) violations.push(`${name}: password authentication is allowed`);
    if (!vm.identity) violations.push(`${name}: no managed identity`);
    if (!vm.boot_diagnostics) violations.push(`${name}: no boot diagnostics`);
    if (!vm.tags) violations.push(`${name}: no tags`);
  }
  return violations;
}
