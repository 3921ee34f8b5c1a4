import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClusterTopology, topologyMasterUrl, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { MAINTENANCE_LOCK_PATH } from '../../src/operations/maintenance-lock.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { mastersByStatus } from '../support/cluster-observations.js';
import { ROOT } from '../support/run-bundle.js';
import { startTestCluster } from '../support/test-cluster.js';

/** Processes whose command line contains `text`. */
function processesRunning(text: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(text);
      } catch {
        return false;
      }
    })
    .map(Number);
}

// Ctrl-C (or a runner's cancel) in the middle of a drill: the running job is stopped, the master the drill
// killed is restored, the maintenance lock released, and the run says it was interrupted and exits non-zero.
describe('an interrupted failover drill, on the real cluster', () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;

  beforeAll(async () => {
    // spark.worker.timeout 20 s instead of 60 s: the new master waits that long in RECOVERING for the driver the
    // interrupt stopped (below); the test is about the cleanup, not that wait.
    ({ cluster, topology } = await startTestCluster({ zookeeperCount: 3, masterCount: 2, workerCount: 2 }, { spark_master_worker_timeout_s: '20' }));
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('restores the killed master, releases the lock, leaves no job running, and exits non-zero', async () => {
    const drill = spawn(process.execPath, ['dist/cli.cjs', 'failover-drill', '--masters', topologyMasterUrl(topology), '--fault', 'kill', '--job-seconds', '120'], {
      cwd: ROOT,
      env: { ...process.env, SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    drill.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/Fault 'kill' on master\d/.test(stderr) && drill.exitCode === null && !drill.killed) drill.kill('SIGINT');
    });
    const exitCode = await new Promise<number | null>((resolve) => drill.on('close', resolve));
    expect(stderr).toMatch(/Fault 'kill' on master\d/);
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/Interrupted by SIGINT: passed it on to \d+ running tool processes; cleaning up/);
    expect(stderr).toMatch(/ok: restored master is STANDBY: master\d rejoined as STANDBY/);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/^error: spark-azure: expected to run to its end, found it interrupted by SIGINT\./);
    expect(processesRunning('spark_azure_drill_job.py')).toEqual([]);
    // Interrupted right after the kill, before the standby took over: with the killed master back as
    // STANDBY, one of them leads once the dead session expires (6 s), as after any crash. It stays
    // RECOVERING until every application answers or spark.worker.timeout (20 s here) passes: the drill job's
    // driver, stopped by the interrupt, never answers (measured with 60 s: RECOVERING for 60 s, then ALIVE).
    await expect
      .poll(
        async () => {
          const byStatus = await mastersByStatus(topology);
          return [byStatus.ALIVE?.length, byStatus.STANDBY?.length];
        },
        { timeout: 50_000, interval: 250 },
      )
      .toEqual([1, 1]);
    const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(topology));
    try {
      expect(await zk.stat(MAINTENANCE_LOCK_PATH)).toBeUndefined();
    } finally {
      zk.close();
    }
  });
});
