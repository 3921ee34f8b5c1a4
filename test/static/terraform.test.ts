import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';
import { ensureTerraformCli } from '../../src/tools/terraform-cli.js';
import { ROOT } from '../support/run-bundle.js';
import { TERRAFORM, copyOfTerraformTree } from '../support/terraform-tree.js';
import {
  hardeningViolations,
  missingOutputViolations,
  nsgViolations,
  parsedResources,
  publicIpViolations,
  terraformFiles,
  zoneSpreadViolations,
  zookeeperCountViolations,
} from '../support/terraform-invariants.js';

describe('Terraform, statically', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await ensureTerraformCli(cliDirectories().toolCache, silentLog);
  });

  it('every .tf and .pkr.hcl file parses', async () => {
    const files = [...terraformFiles(TERRAFORM), path.join(ROOT, 'infra', 'packer', 'spark-node.pkr.hcl')];
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) await expect(parse(file, readFileSync(file, 'utf8')), file).resolves.toBeTypeOf('object');
  });

  it('is formatted (fmt -check)', async () => {
    const fmt = await $({ cwd: TERRAFORM, nothrow: true, quiet: true })`${cli} fmt -check -recursive`;
    expect(fmt.exitCode, `unformatted: ${fmt.stdout}`).toBe(0);
  });

  it('has no checkov failure, and a written reason for every skipped check', async () => {
    const venv = await ensurePythonEnvironment('checkov', cliDirectories().toolCache, silentLog);
    const run = await $({ cwd: TERRAFORM, nothrow: true, quiet: true })`${path.join(venv, 'bin', 'checkov')} -d . --framework terraform --quiet --compact --skip-download -o json`;
    const report = JSON.parse(run.stdout) as {
      summary: { passed: number; failed: number };
      results: { failed_checks?: { check_id: string; resource: string }[]; skipped_checks?: { check_id: string; check_result: { suppress_comment?: string } }[] };
    };
    expect(report.results.failed_checks?.map((check) => `${check.check_id} ${check.resource}`) ?? []).toEqual([]);
    expect(report.summary.passed).toBeGreaterThan(50);
    for (const skipped of report.results.skipped_checks ?? []) expect(skipped.check_result.suppress_comment?.length, skipped.check_id).toBeGreaterThan(20);
  });

  it("each module's and each root's README names every input and output, with an example", async () => {
    const modules = [
      'modules/network',
      'modules/fixed-vms',
      'modules/zookeeper',
      'modules/spark-masters',
      'modules/spark-workers',
      'envs/gallery',
      'envs/vm',
      'envs/aks',
      'envs/hdinsight',
      'modules/node-boot',
    ];
    for (const module of modules) {
      const readme = readFileSync(path.join(TERRAFORM, module, 'README.md'), 'utf8');
      for (const file of ['variables.tf', 'outputs.tf']) {
        const json = (await parse(file, readFileSync(path.join(TERRAFORM, module, file), 'utf8'))) as { variable?: object; output?: object };
        for (const name of Object.keys(json.variable ?? json.output ?? {})) expect(readme, `${module}/README.md names ${name}`).toContain(`\`${name}\``);
      }
      expect(readme, module).toMatch(/```(hcl|sh)\n/);
    }
  });

  describe('invariants hold', () => {
    it('ZooKeeper: an odd count of at least 3, over at least 3 zones', async () => {
      expect(await zookeeperCountViolations(cli, TERRAFORM)).toEqual([]);
    });
    it('fixed VMs are spread evenly over the zones with distinct static addresses', async () => {
      expect(await zoneSpreadViolations(cli, TERRAFORM)).toEqual([]);
    });
    it('no VM has a public IP', async () => {
      expect(publicIpViolations(await parsedResources(TERRAFORM))).toEqual([]);
    });
    it('no NSG rule is open to the Internet; each port only from the roles that need it', async () => {
      expect(await nsgViolations(cli, TERRAFORM, await parsedResources(TERRAFORM))).toEqual([]);
    });
    it('every output the actions read exists', async () => {
      expect(await missingOutputViolations(TERRAFORM)).toEqual([]);
    });
    it('SSH keys only, encryption at host, managed identity, boot diagnostics and tags everywhere', async () => {
      expect(hardeningViolations(await parsedResources(TERRAFORM))).toEqual([]);
    });
  });

  describe('and the checks catch a broken invariant', () => {
    it('an even ZooKeeper count', async () => {
      const copy = await copyOfTerraformTree('modules/zookeeper/variables.tf', (text) =>
        text.replace('contains([3, 5], var.zookeeper_count)', 'contains([3, 4, 5], var.zookeeper_count)'),
      );
      expect(await zookeeperCountViolations(cli, copy)).toEqual(['the zookeeper module accepts zookeeper_count = 4']);
    });
    it('VMs piled into one zone', async () => {
      const copy = await copyOfTerraformTree('modules/fixed-vms/locals.tf', (text) => text.replace('var.zones[(i - 1) % length(var.zones)]', 'var.zones[0]'));
      expect((await zoneSpreadViolations(cli, copy))[0]).toMatch(/^3 VMs are not spread evenly over 3 zones/);
    });
    it('a public IP on a master', async () => {
      const copy = await copyOfTerraformTree('modules/fixed-vms/main.tf', (text) =>
        text.replace(
          'private_ip_address            = each.value.private_ip',
          'private_ip_address            = each.value.private_ip\n    public_ip_address_id          = "/subscriptions/x/publicIPAddresses/pip"',
        ),
      );
      expect(publicIpViolations(await parsedResources(copy))).toEqual(['network interface this has a public IP']);
    });
    it('an NSG rule open to the Internet', async () => {
      const copy = await copyOfTerraformTree('modules/network/main.tf', (text) =>
        text.replace(
          'resource "azurerm_network_security_rule" "deny_other_inbound" {',
          `resource "azurerm_network_security_rule" "debug" {
  name                        = "allow-debug-ssh"
  resource_group_name         = var.resource_group_name
  network_security_group_name = azurerm_network_security_group.role["masters"].name
  priority                    = 300
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "22"
  source_address_prefix       = "Internet"
  destination_address_prefix  = "*"
}

resource "azurerm_network_security_rule" "deny_other_inbound" {`,
        ),
      );
      const resources = await parsedResources(copy);
      expect(await nsgViolations(cli, copy, resources)).toEqual(['NSG rule debug allows inbound traffic from the Internet']);
    });
    it('ZooKeeper quorum ports opened to the workers', async () => {
      const copy = await copyOfTerraformTree('modules/network/locals.tf', (text) =>
        text.replace('ports = ["2888", "3888"], from = ["zookeeper"]', 'ports = ["2888", "3888"], from = ["zookeeper", "workers"]'),
      );
      expect(await nsgViolations(cli, copy, await parsedResources(copy))).toEqual([
        'zookeeper allows port 2888 from the workers subnet',
        'zookeeper allows port 3888 from the workers subnet',
      ]);
    });
    it('a missing output', async () => {
      const copy = await copyOfTerraformTree('envs/vm/outputs.tf', (text) => text.replace(/output "master_url" \{[\s\S]*?\n\}\n/, ''));
      expect(await missingOutputViolations(copy)).toEqual(["envs/vm has no output 'master_url', which the actions read"]);
    });
    it('a VM with password authentication', async () => {
      const copy = await copyOfTerraformTree('modules/fixed-vms/main.tf', (text) =>
        text.replace('disable_password_authentication = true', 'disable_password_authentication = false'),
      );
      expect(hardeningViolations(await parsedResources(copy))).toEqual(['this: password authentication is allowed']);
    });
  });
});
