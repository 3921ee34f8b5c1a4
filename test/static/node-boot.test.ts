import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { applyWriteFiles } from '../../src/local/cloud-config.js';
import { type CloudInit, ensureCloudInit } from '../../src/tools/cloud-init.js';
import { nodeFactsOf, renderVmCustomData } from '../support/node-boot.js';
import { ROOT } from '../support/run-bundle.js';
import { copyOfTerraformTree } from '../support/terraform-tree.js';

const BOOT = path.join(ROOT, 'infra', 'ansible', 'roles', 'spark_azure_node', 'files', 'spark-azure-boot.py');

/** Every file under `root`, with its bytes and mode. */
function tree(root: string): Record<string, { content: string; mode: string }> {
  const files: Record<string, { content: string; mode: string }> = {};
  for (const entry of readdirSync(root, { recursive: true }).map(String)) {
    const file = path.join(root, entry);
    if (statSync(file).isFile()) files[entry] = { content: readFileSync(file, 'base64'), mode: (statSync(file).mode & 0o777).toString(8) };
  }
  return files;
}

// The boot path's custom data as Terraform renders it for every VM of envs/vm, held to the real cloud-init.
describe('custom data: every node of envs/vm boots from a valid cloud-config', () => {
  let cloudInit: CloudInit;
  let documents: Record<string, string>;
  beforeAll(async () => {
    cloudInit = await ensureCloudInit(cliDirectories().toolCache, silentLog);
    documents = await renderVmCustomData(await copyOfTerraformTree());
  }, 1_800_000);

  it('renders one document per ZooKeeper server and master, the one the scale set gives every worker, and the monitoring VM’s', () => {
    expect(Object.keys(documents).sort()).toEqual(['master-1', 'master-2', 'monitoring-1', 'worker-1', 'zookeeper-1', 'zookeeper-2', 'zookeeper-3']);
  });

  it('each passes Debian’s cloud-init schema', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'cloud-config-'));
    for (const [name, document] of Object.entries(documents)) {
      const file = path.join(directory, `${name}.yaml`);
      writeFileSync(file, document);
      const schema = await cloudInit.run(['schema', '--config-file', file]);
      expect(schema.exitCode, `${name}: ${schema.stdout}${schema.stderr}`).toBe(0);
      expect(schema.stdout).toContain('Valid cloud-config');
    }
  });

  it('holds each node’s facts: a server its myid and data disk where its dataDir is, a worker the masters and its size, no secret', () => {
    const zookeeper = nodeFactsOf(documents['zookeeper-2']!);
    expect(zookeeper).toMatchObject({ version: 1, role: 'zookeeper', cluster: 'spark-test', node: { zookeeper_id: 2 }, zookeeper_dir: '/spark-azure/spark-test' });
    expect(zookeeper.zookeepers).toHaveLength(3);
    const dataDir = (zookeeper.role_variables as Record<string, string>).zookeeper_data_dir;
    expect(dataDir).toBe('/var/lib/zookeeper');
    expect(documents['zookeeper-2']).toContain(`[LABEL=zookeeper, ${dataDir}, ext4,`);
    const worker = nodeFactsOf(documents['worker-1']!);
    expect(worker).toMatchObject({ role: 'worker', node: null, zookeepers: [], role_variables: { spark_worker_cores: '4', spark_worker_memory_mb: '28672' } });
    expect((worker.masters as unknown[]).length).toBe(2);
    // The cluster's nodes learn where the cluster secret is, never what it is.
    expect(worker.configuration_store).toMatchObject({ kind: 'key-vault', secret_name: 'spark-azure-role-variables', cluster_secret_name: 'spark-azure-cluster-secret' });
    expect(nodeFactsOf(documents['master-1']!).configuration_store).toMatchObject({ cluster_secret_name: 'spark-azure-cluster-secret' });
    expect(zookeeper.configuration_store).toMatchObject({ cluster_secret_name: 'spark-azure-cluster-secret' });
    for (const document of Object.values(documents)) {
      expect(document).not.toMatch(/password|BEGIN .*PRIVATE KEY|api_key/i);
      // The value envs/vm was given (render.tftest.hcl), in neither the document nor its base64 facts.
      expect(`${document}${JSON.stringify(nodeFactsOf(document))}`).not.toContain('SENTINEL-cluster-secret-value');
    }
  });

  it('a broken template fails the schema', async () => {
    const broken = await renderVmCustomData(await copyOfTerraformTree('modules/node-boot/node.yaml.tftpl', (text) => text.replace('    permissions: "0644"', '    mode: "0644"')));
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cloud-config-')), 'worker.yaml');
    writeFileSync(file, broken['worker-1']!);
    const schema = await cloudInit.run(['schema', '--config-file', file]);
    expect(schema.exitCode).toBe(1);
    expect(schema.stdout + schema.stderr).toMatch(/write_files\.0: Additional properties are not allowed \('mode' was unexpected\)/);
  });

  it('the local cluster writes what cloud-init’s write_files writes, byte for byte and mode for mode', async () => {
    for (const [name, document] of Object.entries(documents)) {
      const ours = mkdtempSync(path.join(os.tmpdir(), 'ours-'));
      applyWriteFiles(document, ours);
      const theirs = mkdtempSync(path.join(os.tmpdir(), 'theirs-'));
      const script = [
        'import sys, yaml',
        'from cloudinit.config.cc_write_files import write_files',
        'root, document = sys.argv[1], yaml.safe_load(open(sys.argv[2]))',
        "files = [dict(entry, path=root + entry['path']) for entry in document.get('write_files', [])]",
        "write_files('write_files', files, 'root:root')",
      ].join('\n');
      const file = path.join(theirs, '..', `${path.basename(theirs)}.yaml`);
      writeFileSync(file, document);
      const run = await cloudInit.python(['-c', script, theirs, file]);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(tree(ours), name).toEqual(tree(theirs));
      expect(Object.keys(tree(ours))).toEqual(['etc/spark-azure/node.json']);
    }
  });
});

describe('spark-azure-boot', () => {
  const root = (facts: Record<string, unknown>, instance?: Record<string, string>) => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'node-root-'));
    mkdirSync(path.join(directory, 'etc', 'spark-azure'), { recursive: true });
    writeFileSync(path.join(directory, 'etc', 'spark-azure', 'node.json'), JSON.stringify(facts));
    if (instance) writeFileSync(path.join(directory, 'etc', 'spark-azure', 'instance.json'), JSON.stringify(instance));
    return directory;
  };
  const cluster = {
    version: 1,
    cluster: 'spark-test',
    zookeeper_dir: '/spark-azure/spark-test',
    configuration_store: { kind: 'file', path: '/nonexistent' },
  };
  const zookeepers = [1, 2, 3].map((id) => ({ id, name: `zk${id}`, host: `10.0.1.${id}` }));
  const masters = [1, 2].map((index) => ({ name: `m${index}`, host: `10.0.2.${index}` }));

  it('makes the cluster’s inventory from the facts alone: every server with its myid, every master, itself', async () => {
    const server = root({ ...cluster, role: 'zookeeper', node: { name: 'zk2', host: '10.0.1.2', zookeeper_id: 2 }, zookeepers, masters: [], role_variables: {} });
    const worker = root({ ...cluster, role: 'worker', node: null, zookeepers: [], masters, role_variables: { spark_worker_cores: '4' } }, { name: 'w7', host: '10.0.3.7' });
    const run = await $({ nothrow: true, quiet: true })`python3 ${BOOT} --root ${server} --root ${worker} --print-inventory`;
    expect(run.exitCode, run.stderr).toBe(0);
    const inventory = JSON.parse(run.stdout);
    expect(inventory.all.vars).toEqual({ spark_azure_cluster_name: 'spark-test', spark_master_zookeeper_dir: '/spark-azure/spark-test' });
    expect(Object.keys(inventory.all.children.zookeeper.hosts)).toEqual(['zk1', 'zk2', 'zk3']);
    expect(inventory.all.children.zookeeper.hosts.zk2).toMatchObject({ ansible_host: '10.0.1.2', zookeeper_id: 2, ansible_connection: 'local' });
    expect(inventory.all.children.zookeeper.hosts.zk1).toEqual({ ansible_host: '10.0.1.1', zookeeper_id: 1 });
    expect(Object.keys(inventory.all.children.spark_masters.hosts)).toEqual(['m1', 'm2']);
    expect(inventory.all.children.spark_workers.hosts).toEqual({
      w7: { ansible_host: '10.0.3.7', ansible_connection: 'local', ansible_python_interpreter: '{{ ansible_playbook_python }}', spark_worker_cores: '4' },
    });
  });

  it('refuses nodes that disagree on their cluster, and facts it cannot read, in one line', async () => {
    const one = root({ ...cluster, role: 'master', node: { name: 'm1', host: '10.0.2.1' }, zookeepers, masters, role_variables: {} });
    const other = root({ ...cluster, cluster: 'spark-other', role: 'master', node: { name: 'm2', host: '10.0.2.2' }, zookeepers, masters, role_variables: {} });
    const disagree = await $({ nothrow: true, quiet: true })`python3 ${BOOT} --root ${one} --root ${other} --print-inventory`;
    expect(disagree.exitCode).toBe(1);
    expect(disagree.stderr.trim()).toBe('spark-azure-boot: m2 and m1 disagree on cluster: they boot together only as one cluster');
    const empty = mkdtempSync(path.join(os.tmpdir(), 'node-root-'));
    const missing = await $({ nothrow: true, quiet: true })`python3 ${BOOT} --root ${empty} --print-inventory`;
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr.trim()).toBe(`spark-azure-boot: node facts ${empty}/etc/spark-azure/node.json is missing: the VM's custom data (modules/node-boot) writes it`);
  });
});
