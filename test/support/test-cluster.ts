import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { silentLog } from '../../src/core/log.js';
import type { ClusterTopology } from '../../src/core/cluster/topology.js';
import { LocalCluster, type UpOptions, type UpResult } from '../../src/local/local-cluster.js';
import type { LocalClusterShape } from '../../src/local/local-topology.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { localPaths } from '../../src/local/paths.js';

/** A local cluster with its own state directory; addresses are fixed, so only one can run at a time. */
export function testCluster(): LocalCluster {
  const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'spark-azure-test-cluster-'));
  return new LocalCluster({ ...localPaths(cliDirectories()), clusterDir }, silentLog);
}

/**
 * A test cluster of `shape` started, once no other cluster holds the addresses, with its topology. A start
 * that fails takes down what it started before throwing, since no afterAll holds the cluster yet.
 */
export async function startTestCluster(
  shape: LocalClusterShape,
  roleVariables?: Readonly<Record<string, string>>,
  options?: UpOptions,
): Promise<{ cluster: LocalCluster; topology: ClusterTopology; up: UpResult }> {
  await assertAddressesFree();
  const cluster = testCluster();
  try {
    const up = await cluster.up(shape, roleVariables, options);
    return { cluster, topology: await cluster.topology(), up };
  } catch (error) {
    await cluster.down();
    throw error;
  }
}

/** Fails fast, with the fix, when another cluster already holds the loopback addresses. */
export async function assertAddressesFree(): Promise<void> {
  const taken: string[] = [];
  for (const [host, port] of [
    ['127.0.0.11', 2181],
    ['127.0.0.21', 7077],
    ['127.0.0.31', 8081],
  ] as const) {
    if (await listening(host, port)) taken.push(`${host}:${port}`);
  }
  if (taken.length > 0) throw new Error(`another local cluster holds ${taken.join(', ')}: stop it with \`npx spark-azure local down\` first`);
}

function listening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
