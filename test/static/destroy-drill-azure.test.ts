import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { $ } from 'zx';
import { azureRecreation } from '../../src/actions/failover-drill/azure-recreation.js';
import { azureVmOperations } from '../../src/azure/azure-vm-operations.js';
import type { MasterNode } from '../../src/core/cluster/topology.js';
import { recordInputSource } from '../../src/core/inputs/input-reader.js';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories, cliPipeline } from '../../src/doors/cli-pipeline.js';
import { ensureTerraformCli } from '../../src/tools/terraform-cli.js';
import { ROOT, runGithubAction } from '../support/run-bundle.js';

// Fault destroy on Azure, short of Azure: the VM's deletion goes to the Azure CLI (the harness's stand-in
// records it), and the re-creation is provision's reconcile, run for real with Terraform on the user's root
// from the drill's inputs. The fixture root of terraform_data resources stands in for azurerm.
describe('the destroy drill on Azure', () => {
  afterEach(() => vi.unstubAllEnvs());

  it("deletes the master's VM with az vm delete, then re-creates what is gone with provision's reconcile on the user's root, its outputs kept out of the smoke test's", async () => {
    const workspace = await mkdtemp(path.join(os.tmpdir(), 'destroy-drill-'));
    await cp(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(workspace, 'terraform', 'main.tf'), { recursive: true });
    const variables = { image_id: '/subscriptions/s/images/spark-node/versions/1.2.3' };
    const applied = await runGithubAction(
      'provision',
      {
        workingDirectory: 'terraform',
        command: 'plan-and-apply',
        configure: 'false',
        workerScaleSetLookup: 'false',
        variables: 'image_id=/subscriptions/s/images/spark-node/versions/1.2.3',
      },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(applied.exitCode, applied.stdout + applied.stderr).toBe(0);

    const azLog = path.join(workspace, 'az.jsonl');
    // The harness's az stand-in first on PATH, for this test only.
    vi.stubEnv('PATH', `${path.join(ROOT, 'test', 'workflows', 'stand-ins', 'az')}:${process.env.PATH}`);
    vi.stubEnv('STAND_IN_AZ_LOG', azLog);
    const temp = await mkdtemp(path.join(os.tmpdir(), 'destroy-drill-temp-'));
    const outputs: string[] = [];
    const lines: string[] = [];
    const pipeline = {
      ...cliPipeline(recordInputSource({})),
      directories: { workspace, temp, toolCache: cliDirectories().toolCache },
      log: { info: (line: string) => void lines.push(line), warning: (line: string) => void lines.push(line), debug: () => {} },
      setOutput: (name: string) => void outputs.push(name),
    };
    const master = { name: 'vm-spark-test-master-1' } as MasterNode;
    const access = { kind: 'azure' as const, ssh: { user: 'azureuser', port: 22 }, resourceGroup: 'rg-spark-test', masterVmNames: [master.name] };
    const recreation = azureRecreation(
      azureVmOperations({ resourceGroup: access.resourceGroup, vmNames: { [master.name]: master.name } }).delete,
      { workingDirectory: 'terraform', variables, backendConfig: [], roleVariables: {} },
      access,
      pipeline,
    );

    await recreation.destroy(master);
    const calls = readFileSync(azLog, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).args);
    expect(calls).toEqual([['vm', 'delete', '--resource-group=rg-spark-test', '--name=vm-spark-test-master-1', '--yes']]);

    // What Azure's deletion is to Terraform: the resource gone. Reconcile plans its creation, and only that.
    const terraform = await ensureTerraformCli(cliDirectories().toolCache, silentLog);
    await $({ cwd: path.join(workspace, 'terraform') })`${terraform} state rm terraform_data.masters[0]`.quiet();
    expect(await recreation.recreate(master)).toBe("provision's reconcile re-created no VM");
    expect(lines).toContain('reconcile: terraform apply (reconcile)');
    expect(lines.some((line) => /Re-creating no VM \(1 to add, 0 to change, 0 to destroy\)/.test(line))).toBe(true);
    const state = await $({ cwd: path.join(workspace, 'terraform') })`${terraform} state list`.quiet();
    expect(state.stdout).toContain('terraform_data.masters[0]');
    expect(outputs).toEqual([]);
    // The reconcile's plan (it holds the variables' values) and inventory went with the re-creation.
    expect(readdirSync(temp)).toEqual([]);
  });
});
