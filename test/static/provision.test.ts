import { readFileSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';
import { ensureTerraformCli } from '../../src/tools/terraform-cli.js';
import { ROOT, runGithubAction } from '../support/run-bundle.js';

// The whole action against the real Terraform and Ansible: a root of built-in terraform_data resources with
// envs/vm's outputs stands in for Azure. Plan and apply run as two jobs, as behind an approval gate.
const terraformCli = () => ensureTerraformCli(cliDirectories().toolCache, silentLog);

describe('provision, as GitHub runs it', () => {
  it('plans, applies exactly the saved plan, and writes the inventory site.yml needs', async () => {
    // The user's checkout: their own root in it, given relative to the workspace, as a workflow would.
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'provision-'));
    await cp(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(workspace, 'terraform', 'main.tf'), { recursive: true });
    // az is the harness's stand-in: it records each call, and the configuration store already keeps one variable.
    const azLog = path.join(workspace, 'az.jsonl');
    const job = {
      GITHUB_WORKSPACE: workspace,
      PATH: `${path.join(ROOT, 'test', 'workflows', 'stand-ins', 'az')}:${process.env.PATH}`,
      STAND_IN_AZ_LOG: azLog,
      STAND_IN_AZ_SECRET: JSON.stringify({ spark_worker_cores: '3', zookeeper_heap_mb: '512' }),
    };
    const common = { workingDirectory: 'terraform', variables: 'image_id=/subscriptions/s/images/spark-node/versions/1.2.3', workerScaleSetLookup: 'false' };

    const plan = await runGithubAction('provision', { ...common, command: 'plan' }, job);
    expect(plan.exitCode, plan.stdout + plan.stderr).toBe(0);
    expect(plan.outputs).toMatchObject({ hasChanges: 'true', planSummary: '5 to add, 0 to change, 0 to destroy', planFile: path.join(workspace, 'spark-azure.tfplan') });
    expect(plan.summary).toContain('`terraform_data.zookeeper[2]` | create');

    const apply = await runGithubAction(
      'provision',
      {
        ...common,
        command: 'apply',
        configure: 'false',
        sshUser: 'azureuser',
        sshJumpHost: 'ops@10.40.4.4',
        roleVariables: 'zookeeper_heap_mb=1024',
      },
      job,
    );
    expect(apply.exitCode, apply.stdout + apply.stderr).toBe(0);
    expect(apply.outputs).toMatchObject({
      masterUrl: 'spark://10.40.2.10:7077,10.40.2.11:7077',
      zookeeperConnect: '10.40.1.10:2181,10.40.1.11:2181,10.40.1.12:2181',
      zookeeperDir: '/spark-azure/spark-test',
      masterVmNames: 'vm-spark-test-master-1,vm-spark-test-master-2',
      resourceGroup: 'rg-spark-test',
      workerScaleSet: 'vmss-spark-test-worker',
      alertmanagerUrl: 'http://10.40.6.10:9093',
    });

    // The inventory, read by the real Ansible: groups, myids, the jump host; not the role variables, which
    // may hold secrets and travel to the playbook as a 0600 file that goes with the run.
    const venv = await ensurePythonEnvironment('local-cluster', cliDirectories().toolCache, silentLog);
    const listed = JSON.parse((await $`${path.join(venv, 'bin', 'ansible-inventory')} -i ${apply.outputs.inventory!} --list`.quiet()).stdout);
    expect(listed.zookeeper.hosts).toEqual(['spark-test-zk-1', 'spark-test-zk-2', 'spark-test-zk-3']);
    expect(listed._meta.hostvars['spark-test-zk-2']).toMatchObject({
      ansible_host: '10.40.1.11',
      zookeeper_id: 2,
      ansible_ssh_common_args: '-o StrictHostKeyChecking=accept-new -o ProxyJump=ops@10.40.4.4',
    });
    expect(listed._meta.hostvars['spark-test-zk-2']).not.toHaveProperty('zookeeper_heap_mb');
    // The configuration store keeps the role variables for nodes booted later: merged into what it kept,
    // written from a file (never a command line), and no value in the log.
    const calls = readFileSync(azLog, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { args: string[]; files: Record<string, string> });
    const written = calls.find((call) => call.args.slice(0, 3).join(' ') === 'keyvault secret set')!;
    expect(written.args.slice(0, 5)).toEqual(['keyvault', 'secret', 'set', '--vault-name=kv-spark-test', '--name=spark-azure-role-variables']);
    expect(JSON.parse(Object.values(written.files)[0]!)).toEqual({ spark_worker_cores: '3', zookeeper_heap_mb: '1024' });
    expect(written.args.join(' ')).not.toContain('1024');
    expect(apply.outputs.configurationStore).toBe('kv-spark-test/spark-azure-role-variables');
    expect(apply.stdout).toContain('Kept zookeeper_heap_mb in kv-spark-test/spark-azure-role-variables');
    // The monitoring VM, for the prometheus role, which finds the rest in the resource group itself.
    expect(listed.monitoring.hosts).toEqual(['10.40.6.10']);
    expect(listed._meta.hostvars['10.40.6.10']).toMatchObject({ prometheus_azure_resource_group: 'rg-spark-test' });
    const hosts = await $({
      env: { ...process.env, ANSIBLE_CONFIG: path.join(ROOT, 'infra', 'ansible', 'ansible.cfg') },
    })`${path.join(venv, 'bin', 'ansible-playbook')} -i ${apply.outputs.inventory!} ${path.join(ROOT, 'infra', 'ansible', 'site.yml')} --list-hosts`.quiet();
    expect(hosts.stdout).toMatch(/play #4 \(spark_masters\): Configure the Spark masters\s+TAGS: \[\]\s+pattern: \['spark_masters'\]\s+hosts \(2\):/);
    expect(hosts.stdout).toMatch(/play #6 \(monitoring\): Configure the monitoring VM\s+TAGS: \[\]\s+pattern: \['monitoring'\]\s+hosts \(1\):\s+10\.40\.6\.10/);

    const again = await runGithubAction('provision', { ...common, command: 'plan' }, job);
    expect(again.outputs).toMatchObject({ hasChanges: 'false', planSummary: '0 to add, 0 to change, 0 to destroy' });

    // reconcile: nothing missing, nothing done.
    const reconcile = { ...common, command: 'reconcile', configure: 'false' };
    const nothing = await runGithubAction('provision', reconcile, job);
    expect(nothing.exitCode, nothing.stdout + nothing.stderr).toBe(0);
    expect(nothing.stdout).toContain('Every resource exists: nothing to re-create.');
    expect(nothing.outputs).toMatchObject({ reconciledNodes: '' });
    // A plan that would change what exists (another image for the masters) is refused, and nothing is applied.
    const changed = await runGithubAction('provision', { ...reconcile, variables: 'image_id=/subscriptions/s/images/spark-node/versions/9.9.9' }, job);
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout).toMatch(
      /::error::Reconcile: expected a plan that only creates what is missing, found a plan that also changes terraform_data\.masters\[0\] \(update\), terraform_data\.masters\[1\] \(update\)\. Nothing was changed\./,
    );
    // A resource gone from the infrastructure (here: from the state) is created again.
    await $({ cwd: path.join(workspace, 'terraform') })`${await terraformCli()} state rm terraform_data.zookeeper[1]`.quiet();
    const recreated = await runGithubAction('provision', reconcile, job);
    expect(recreated.exitCode, recreated.stdout + recreated.stderr).toBe(0);
    expect(recreated.stdout).toMatch(/Re-creating no VM \(1 to add, 0 to change, 0 to destroy\)/);
    const after = await runGithubAction('provision', { ...common, command: 'plan' }, job);
    expect(after.outputs).toMatchObject({ hasChanges: 'false' });
  });

  it('never applies without a saved plan', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'provision-'));
    await cp(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(root, 'main.tf'));
    const run = await runGithubAction('provision', { workingDirectory: root, command: 'apply', configure: 'false' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'planFile': expected the plan saved by command plan/);
  });

  it.each([
    [{ command: 'destroy' }, /::error::Input 'command': expected one of plan, apply, plan-and-apply, reconcile, found "destroy"/],
    [{ command: 'apply' }, /::error::Input 'sshUser': expected the admin user of the VMs/],
    [{ variables: 'image id=1' }, /::error::Input 'variables': expected one Terraform variable per line as name=value/],
    [
      { command: 'plan', sshPrivateKey: 'not-a-real-key' },
      /::error::Input 'sshPrivateKey': expected it only with a command that configures the nodes \('apply', 'plan-and-apply' or 'reconcile'\), found it with command 'plan', which ignores it\. Leave sshPrivateKey out of the plan step and give it to the apply step\./,
    ],
    [{ roleVariables: 'a=1' }, /::error::Input 'roleVariables': expected it only with a command that configures the nodes/],
    [
      { backendConfig: 'key=prod.tfstate\nbackend-typo.hcl' },
      /::error::Input 'backendConfig': expected key=value settings, or paths of \.hcl files in the workspace, one per line, found line 2 naming no file \("backend-typo\.hcl"\)\. Give the file path/,
    ],
    // An access key written without its name is never echoed.
    [
      { backendConfig: 'key=prod.tfstate\nsecretAccessKey0123456789' },
      /::error::Input 'backendConfig': .*found line 2, neither key=value nor a \.hcl file \(not shown: it may hold a secret\)\./,
    ],
    [{ backendConfig: '=secretAccessKey0123456789' }, /::error::Input 'backendConfig': .*found line 1 without a name before =\./],
    [{ backendConfig: '-lock=false' }, /::error::Input 'backendConfig': .*found line 1, not name=value with a backend setting's name \(not shown: it may hold a secret\)\./],
    [{ backendConfig: 'key=a.tfstate\nkey=b.tfstate' }, /::error::Input 'backendConfig': .*found line 2 setting key again\. Give key once/],
    [
      { variables: 'location=westeurope\nlocation=northeurope' },
      /::error::Input 'variables': expected one Terraform variable per line as name=value, found entry 2 setting location again\./,
    ],
    [{ variables: 'locaton=westeurope' }, /::error::Input 'variables': expected variables the root declares \(.*location.*\), found "locaton", which it does not declare\./],
    [
      { variables: 'cluster_secret=mine' },
      /::error::Input 'variables': expected variables other than those provision sets itself, found "cluster_secret"\. Leave cluster_secret out/,
    ],
    [{ varFile: 'prod.tfvars' }, /::error::Input 'varFile': expected a \.tfvars file in the workspace, found "prod\.tfvars"\./],
  ])('refuses %j before Terraform is installed or initialised', async (inputs, message) => {
    const run = await runGithubAction('provision', inputs);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(message);
    // Registered with the runner's masker (an entry that is no setting may be a key), shown nowhere else.
    const shown = run.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect(shown.join('\n')).not.toMatch(/terraform init|Installing Terraform|secretAccessKey0123456789/);
  });
});
