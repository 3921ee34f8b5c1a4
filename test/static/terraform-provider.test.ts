import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { VM_ROOT_OUTPUTS } from '../../src/core/infra/vm-outputs.js';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensureTerraformCli } from '../../src/tools/terraform-cli.js';
import { AZURERM_MIRROR_VERSION, AZURERM_VERSION, ensureAzurermProvider } from '../support/azurerm-provider.js';
import { TERRAFORM, copyOfTerraformTree } from '../support/terraform-tree.js';
import { terraformFiles } from '../support/terraform-invariants.js';

/** Every directory holding .tf files: roots, modules and their examples (tests/ holds .tftest.hcl only). */
function configurations(root: string): string[] {
  return [...new Set(terraformFiles(root).map((file) => path.relative(root, path.dirname(file))))].sort();
}

const withTests = (root: string) => configurations(root).filter((directory) => existsSync(path.join(root, directory, 'tests')));

describe(`Terraform with the real azurerm 5.x provider (${AZURERM_VERSION} from the Go module proxy, as ${AZURERM_MIRROR_VERSION})`, () => {
  let cli: string;
  let env: NodeJS.ProcessEnv;
  let tree: string;
  beforeAll(async () => {
    cli = await ensureTerraformCli(cliDirectories().toolCache, silentLog);
    const provider = await ensureAzurermProvider();
    env = { ...process.env, TF_CLI_CONFIG_FILE: provider.cliConfig, TF_IN_AUTOMATION: '1', CHECKPOINT_DISABLE: '1' };
    tree = await copyOfTerraformTree();
  }, 1_800_000);

  const terraform = (directory: string, args: string[]) => $({ cwd: directory, env, nothrow: true, quiet: true })`${cli} ${args}`;
  const init = async (directory: string) => {
    const result = await terraform(directory, ['init', '-backend=false', '-input=false', '-no-color']);
    expect(result.exitCode, `init ${directory}: ${result.stderr}`).toBe(0);
  };

  it('covers every root, module and example', () => {
    expect(configurations(TERRAFORM).length).toBeGreaterThanOrEqual(13);
    expect(withTests(TERRAFORM)).toEqual(
      expect.arrayContaining([
        'envs/aks',
        'envs/gallery',
        'envs/hdinsight',
        'envs/vm',
        'modules/fixed-vms',
        'modules/network',
        'modules/spark-masters',
        'modules/spark-workers',
        'modules/zookeeper',
      ]),
    );
  });

  // `terraform test` validates its configuration before it runs (shown below: a test fails on a bad
  // attribute), so only the configurations without tests are validated on their own.
  describe('validate', () => {
    it.each(configurations(TERRAFORM).filter((directory) => !withTests(TERRAFORM).includes(directory)))('%s', async (directory) => {
      await init(path.join(tree, directory));
      const validate = await terraform(path.join(tree, directory), ['validate', '-json', '-no-color']);
      const report = JSON.parse(validate.stdout) as { valid: boolean; diagnostics: { severity: string; summary: string; detail: string }[] };
      const problems = report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      expect(problems.map((diagnostic) => `${diagnostic.severity}: ${diagnostic.summary}: ${diagnostic.detail}`)).toEqual([]);
      expect(report.valid).toBe(true);
    });
  });

  describe('terraform test (mock_provider "azurerm" on the real schema)', () => {
    it.each(withTests(TERRAFORM))('%s', async (directory) => {
      await init(path.join(tree, directory));
      const test = await terraform(path.join(tree, directory), ['test', '-no-color']);
      expect(test.exitCode, test.stdout + test.stderr).toBe(0);
      expect(test.stdout).toMatch(/Success! \d+ passed, 0 failed/);
    });

    it("envs/vm's test checks every output the actions read", () => {
      const test = readFileSync(path.join(TERRAFORM, 'envs', 'vm', 'tests', 'outputs.tftest.hcl'), 'utf8');
      for (const output of VM_ROOT_OUTPUTS) expect(test).toContain(`output.${output}`);
    });
  });

  describe('and terraform test fails when an invariant breaks', () => {
    const failing = async (change: { file: string; edit: (text: string) => string }, directory: string) => {
      const copy = await copyOfTerraformTree(change.file, change.edit);
      await init(path.join(copy, directory));
      return terraform(path.join(copy, directory), ['test', '-no-color']);
    };

    it('an even ZooKeeper count accepted', async () => {
      const test = await failing(
        { file: 'modules/zookeeper/variables.tf', edit: (text) => text.replace('contains([3, 5], var.zookeeper_count)', 'contains([3, 4, 5], var.zookeeper_count)') },
        'modules/zookeeper',
      );
      expect(test.exitCode, test.stdout + test.stderr).not.toBe(0);
      expect(test.stdout + test.stderr).toMatch(/an_even_count_is_rejected"\.\.\. fail/);
    });

    it('a public IP on a master', async () => {
      const test = await failing(
        {
          file: 'modules/fixed-vms/main.tf',
          edit: (text) =>
            text.replace(
              'private_ip_address            = each.value.private_ip',
              'private_ip_address            = each.value.private_ip\n    public_ip_address_id          = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip"',
            ),
        },
        'modules/fixed-vms',
      );
      expect(test.exitCode, test.stdout + test.stderr).not.toBe(0);
      expect(test.stdout + test.stderr).toMatch(/static_private_addresses_and_no_public_ip"\.\.\. fail/);
    });

    it('an attribute the provider does not know (terraform test validates first)', async () => {
      const test = await failing(
        { file: 'modules/network/main.tf', edit: (text) => text.replace(/(resource "azurerm_virtual_network" "[^"]+" \{\n)/, '$1  no_such_attribute = true\n') },
        'modules/network',
      );
      expect(test.exitCode, test.stdout + test.stderr).not.toBe(0);
      expect(test.stdout + test.stderr).toMatch(/Unsupported argument/);
    });

    it('an output the actions read removed', async () => {
      const test = await failing({ file: 'envs/vm/outputs.tf', edit: (text) => text.replace(/output "bastion_name" \{[\s\S]*?\n\}\n/, '') }, 'envs/vm');
      expect(test.exitCode, test.stdout + test.stderr).not.toBe(0);
      expect(test.stdout + test.stderr).toMatch(/bastion_name/);
    });
  });
});
