import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterTopology, topologyMasterUrl, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import type { DrillJournal } from '../../src/core/drill/journal.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { ensureAct, exportRepository, runWorkflow, userRepository } from '../support/act.js';
import { mastersByStatus } from '../support/cluster-observations.js';
import { assertAddressesFree, testCluster } from '../support/test-cluster.js';

// Our reusable chaos and rolling-update workflows, run by a real workflow engine (act, host mode) for a
// user's repository, against the real local cluster.
describe('the reusable workflows against the local cluster, run by act', () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;
  let sparkAzure: string;
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
    cluster = testCluster();
    await cluster.up({ zookeepers: 3, masters: 2, workers: 2 });
    topology = await cluster.topology();
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('chaos: the drill passes and its journal is where the upload step expects it', async () => {
    const result = await run('chaos.yml');
    expect(result.exitCode, result.output).toBe(0);
    const uploaded = readdirSync(path.join(result.artifacts, 'failover-journal'));
    expect(uploaded).toHaveLength(1);
    const journal = JSON.parse(readFileSync(path.join(result.artifacts, 'failover-journal', uploaded[0]!), 'utf8')) as DrillJournal & { verdict: { passed: boolean } };
    expect(journal.experiment.fault).toBe('kill');
    expect(journal.verdict.passed).toBe(true);
    const byStatus = await mastersByStatus(topology);
    expect([byStatus.ALIVE?.length, byStatus.STANDBY?.length]).toEqual([1, 1]);
  });

  it('rolling update: every node rolled with the new role variable, the report uploaded, then the smoke test', async () => {
    const result = await run('rolling-update.yml');
    expect(result.exitCode, result.output).toBe(0);
    const [report] = readdirSync(path.join(result.artifacts, 'rolling-update-report'));
    const rolled = JSON.parse(readFileSync(path.join(result.artifacts, 'rolling-update-report', report!), 'utf8'));
    expect(rolled.figures.completed).toBe(true);
    expect(rolled.figures.stepSeconds.flatMap((step: { nodes: string[] }) => step.nodes).sort()).toEqual(['master1', 'master2', 'worker1', 'worker2', 'zk1', 'zk2', 'zk3']);
    expect(readFileSync(path.join(cluster.paths.clusterDir, 'nodes', 'zk1', 'conf', 'zoo.cfg'), 'utf8')).toMatch(/^autopurge\.snapRetainCount=5$/m);
    expect(result.output).toMatch(/roll\/spark-azure rolling update\/roll\].*Smoke test passed/);
  });
});
