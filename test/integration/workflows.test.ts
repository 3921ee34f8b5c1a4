import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageExtension } from '../../scripts/package-extension.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterTopology, allNodes, masterAddress, topologyMasterUrl, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import { DRILL_ACTIONS, DRILL_CHECKS, type DrillJournal, checks } from '../../src/core/drill/journal.js';
import { formatHostPort } from '../../src/core/inputs/host-port.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { ensureAct, exportRepository, runWorkflow, userRepository } from '../support/act.js';
import { mastersByStatus } from '../support/cluster-observations.js';
import { runAzureDevOpsTask } from '../support/run-bundle.js';
import { assertAddressesFree, testCluster } from '../support/test-cluster.js';

// As users run spark-azure, against the real local cluster: our reusable chaos and rolling-update
// workflows run by a real workflow engine (act, host mode) for a user's repository, and the Azure DevOps
// tasks installed from the packed extension and run from their installed folders.
describe('the workflows and the installed tasks against the local cluster', () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;
  let sparkAzure: string;
  let unpackedExtension: string;
  const run = (caller: string) =>
    runWorkflow({
      caller,
      repository: userRepository({ 'README.md': 'a user repository\n' }),
      sparkAzure,
      vars: { SPARK_MASTERS: topologyMasterUrl(topology), SPARK_ZOOKEEPERS: topologyZooKeeperConnect(topology), SPARK_ZOOKEEPER_DIR: topology.sparkZooKeeperDir },
      env: { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
    });

  beforeAll(async () => {
    await assertAddressesFree();
    await ensureAct();
    sparkAzure = exportRepository();
    unpackedExtension = mkdtempSync(path.join(os.tmpdir(), 'vsix-unpacked-'));
    execFileSync('unzip', ['-q', packageExtension(mkdtempSync(path.join(os.tmpdir(), 'vsix-'))), '-d', unpackedExtension]);
    cluster = testCluster();
    await cluster.up({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
    topology = await cluster.topology();
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('chaos, the reconcile drill: the ALIVE master destroyed and re-created, the job survives, no other process touched, the journal uploaded', async () => {
    const alive = (await mastersByStatus(topology)).ALIVE![0]!;
    const others = allNodes(topology).filter((node) => node.name !== alive.name);
    const pidsBefore = others.map((node) => cluster.processes.pid(node));
    const targetPidBefore = cluster.processes.pid(alive);
    const result = await run('chaos.yml');
    expect(result.exitCode, result.output).toBe(0);
    const uploaded = readdirSync(path.join(result.artifacts, 'failover-journal'));
    expect(uploaded).toHaveLength(1);
    const journal = JSON.parse(readFileSync(path.join(result.artifacts, 'failover-journal', uploaded[0]!), 'utf8')) as DrillJournal & { verdict: { passed: boolean } };
    expect(journal.experiment).toMatchObject({ fault: 'destroy', faultedMaster: formatHostPort(masterAddress(alive)) });
    expect(journal.verdict.passed).toBe(true);
    const restored = journal.entries.find((entry) => entry.kind === 'action' && entry.action === DRILL_ACTIONS.faultedMasterRestored);
    expect(restored).toMatchObject({ detail: expect.stringMatching(new RegExp(`^reconciled ${alive.name} in \\d+\\.\\d s$`)) });
    expect(checks(journal).map((check) => [check.check, check.ok])).toContainEqual([DRILL_CHECKS.jobFinished, true]);
    // Destroyed: a new process from configuration rendered again; every other node's process the same.
    expect(cluster.processes.pid(alive)).not.toBe(targetPidBefore);
    expect(others.map((node) => cluster.processes.pid(node))).toEqual(pidsBefore);
    const byStatus = await mastersByStatus(topology);
    expect(byStatus.STANDBY?.map((master) => master.name)).toEqual([alive.name]);
    expect(byStatus.ALIVE).toHaveLength(1);
    expect(result.output).toMatch(/the faulted master STANDBY again \d+(\.\d)? s after its re-creation began/);
  });

  it('rolling update: the nodes asked for rolled with the new role variable, the report uploaded, then the smoke test', async () => {
    const result = await run('rolling-update.yml');
    expect(result.exitCode, result.output).toBe(0);
    const [report] = readdirSync(path.join(result.artifacts, 'rolling-update-report'));
    const rolled = JSON.parse(readFileSync(path.join(result.artifacts, 'rolling-update-report', report!), 'utf8'));
    expect(rolled.figures.completed).toBe(true);
    expect(rolled.figures.stepSeconds.flatMap((step: { nodes: string[] }) => step.nodes).sort()).toEqual(['worker1', 'zk1']);
    expect(readFileSync(path.join(cluster.paths.clusterDir, 'nodes', 'zk1', 'conf', 'zoo.cfg'), 'utf8')).toMatch(/^autopurge\.snapRetainCount=5$/m);
    expect(result.output).toMatch(/roll\/spark-azure rolling update\/roll\].*Smoke test passed/);
  });

  // One node: the full roll in every order is rolling-update.test.ts's; this proves the installed task.
  it('Azure DevOps: the installed rolling-update task rolls the node asked for', async () => {
    const run = await runAzureDevOpsTask(
      'rolling-update',
      { masters: topologyMasterUrl(topology), roleVariables: 'zookeeper_autopurge_snap_retain_count=6', only: 'zk3' },
      { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
      { unpackedExtension },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.completed).toBe('true');
    expect(run.outputs.rolledNodes).toBe('zk3');
    expect(readFileSync(path.join(cluster.paths.clusterDir, 'nodes', 'zk3', 'conf', 'zoo.cfg'), 'utf8')).toMatch(/^autopurge\.snapRetainCount=6$/m);
  });
});
