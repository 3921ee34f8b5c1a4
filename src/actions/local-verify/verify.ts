import { cancellation } from '../../core/cancellation.js';
import type { Fault } from '../../core/drill/faults.js';
import { InputReader, recordInputSource } from '../../core/inputs/input-reader.js';
import type { Log } from '../../core/log.js';
import { expectationsOf } from '../../core/cluster/node-states.js';
import type { PipelineDirectories } from '../../core/pipeline.js';
import { type DrillReport, runFailoverDrill } from '../../operations/failover-drill.js';
import { type RollingReport, runRollingUpdate } from '../../operations/rolling-update.js';
import { type SparkJobReport, runSparkJob } from '../../operations/spark-job.js';
import type { LocalCluster, LocalClusterDescription } from '../../local/local-cluster.js';
import { readLocalClusterSecret } from '../../local/local-cluster-secret.js';
import { localDrillCluster } from '../../local/local-drill-cluster.js';
import { DEFAULT_SHAPE } from '../../local/local-topology.js';
import { localUpdate } from '../../local/local-update.js';
import { resolveSparkRuntime } from '../../tools/spark-runtime.js';
import { readDrillSettings } from '../shared/drill-settings.js';
import { readSmokeTestSettings, smokeTestJob } from '../shared/smoke-test-settings.js';

export interface VerifyReport {
  readonly cluster: LocalClusterDescription;
  readonly secondsToHealthy?: number;
  readonly smokeTest: SparkJobReport;
  readonly drills: readonly DrillReport[];
  readonly rollingUpdate?: RollingReport;
  readonly passed: boolean;
}

/** A real configuration change for the roll to carry to every node (ZooKeeper keeps one more snapshot). */
export const VERIFY_CHANGE = { zookeeper_autopurge_snap_retain_count: '4' };

export const VERIFY_FAULTS: readonly Fault[] = ['kill', 'stop'];

/**
 * The main job on the embedded default: bring the local cluster up (or use the running one), then run the
 * suite's checks against it: the smoke test, a hard-kill drill, a planned-handover drill and a rolling
 * update carrying a configuration change to every node.
 */
/** The main job's overall time limit: bringing the cluster up, the smoke test, two drills and a roll. */
export const VERIFY_TIME_LIMIT_MS = 40 * 60_000;

export function verifyLocalCluster(cluster: LocalCluster, directories: PipelineDirectories, log: Log): Promise<VerifyReport> {
  return cancellation.within(VERIFY_TIME_LIMIT_MS, 'local verify', () => verify(cluster, directories, log));
}

async function verify(cluster: LocalCluster, directories: PipelineDirectories, log: Log): Promise<VerifyReport> {
  const up = await cluster.up(DEFAULT_SHAPE);
  log.info(up.alreadyRunning ? 'Using the running local cluster.' : `Local cluster healthy ${up.secondsToHealthy!.toFixed(1)} s after start.`);
  const inputs = (extra: Record<string, string> = {}) => new InputReader(recordInputSource({ masters: up.description.masterUrl, ...extra }));
  const settings = { ...readSmokeTestSettings(inputs()), clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) };
  const smokeJob = smokeTestJob(settings);
  const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolCache: cluster.paths.toolCache }, log);
  const smokeTest = await runSparkJob(settings, smokeJob, runtime, log);
  const drillCluster = localDrillCluster(cluster, await cluster.topology());
  // A cluster started with --monitoring: the drills prove the pager too.
  const alertmanagerUrl = (await cluster.monitoring())?.alertmanagerUrl;
  const drills: DrillReport[] = [];
  for (const fault of smokeTest.passed ? VERIFY_FAULTS : []) {
    log.info(`Failover drill: ${fault}`);
    const options = readDrillSettings(inputs({ fault }), settings.masters);
    drills.push(await runFailoverDrill({ cluster: drillCluster, options, submitTo: settings, smokeJob, runtime, tempDir: directories.temp, log, alertmanagerUrl }));
  }
  const drillsPassed = drills.length === VERIFY_FAULTS.length && drills.every((drill) => drill.verdict.passed);
  let rollingUpdate: RollingReport | undefined;
  if (drillsPassed) {
    log.info(
      `Rolling update: ${Object.entries(VERIFY_CHANGE)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ')}`,
    );
    const topology = await cluster.topology();
    const operations = cluster.nodeOperations();
    rollingUpdate = await runRollingUpdate({
      cluster: { topology, operations, expectations: expectationsOf(topology) },
      method: localUpdate(cluster, VERIFY_CHANGE, operations),
      options: { maxUnavailable: 1, gateTimeoutSeconds: 180, lockWaitSeconds: 60, pollIntervalMs: 100, clusterSecret: settings.clusterSecret },
      log,
    });
  }
  const passed = up.description.healthy && smokeTest.passed && drillsPassed && rollingUpdate !== undefined && !rollingUpdate.halted;
  return { cluster: up.description, secondsToHealthy: up.secondsToHealthy, smokeTest, drills, rollingUpdate, passed };
}
