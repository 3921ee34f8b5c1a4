import { readDrillSettings } from '../actions/smoke-test/drill-settings.js';
import { type SmokeTestReport, runSmokeTest } from '../actions/smoke-test/run-smoke-test.js';
import { readSmokeTestSettings } from '../actions/smoke-test/settings.js';
import type { Fault } from '../core/drill/journal.js';
import { InputReader, recordInputSource } from '../core/inputs/input-reader.js';
import type { Log } from '../core/log.js';
import { type DrillReport, runFailoverDrill } from '../operations/failover-drill.js';
import { resolveSparkRuntime } from '../tools/spark-runtime.js';
import { localDrillTargets } from './local-drill-targets.js';
import type { LocalCluster, LocalClusterDescription } from './local-cluster.js';
import { DEFAULT_SHAPE } from './local-topology.js';

export interface VerifyReport {
  readonly cluster: LocalClusterDescription;
  readonly secondsToHealthy?: number;
  readonly smokeTest: SmokeTestReport;
  readonly drills: readonly DrillReport[];
  readonly passed: boolean;
}

export const VERIFY_FAULTS: readonly Fault[] = ['kill', 'stop'];

/**
 * The main job on the embedded default: bring the local cluster up (or use the running one), then run the
 * suite's checks against it: the smoke test, a hard-kill drill and a planned-handover drill.
 */
export async function verifyLocalCluster(cluster: LocalCluster, log: Log): Promise<VerifyReport> {
  const up = await cluster.up(DEFAULT_SHAPE);
  log.info(up.alreadyRunning ? 'Using the running local cluster.' : `Local cluster healthy ${up.secondsToHealthy!.toFixed(1)} s after start.`);
  const inputs = (extra: Record<string, string> = {}) => new InputReader(recordInputSource({ masters: up.description.masterUrl, ...extra }));
  const settings = readSmokeTestSettings(inputs());
  const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolsDir: cluster.paths.toolsDir }, log);
  const smokeTest = await runSmokeTest(settings, runtime, log);
  const targets = localDrillTargets(cluster, await cluster.topology());
  const drills: DrillReport[] = [];
  for (const fault of smokeTest.passed ? VERIFY_FAULTS : []) {
    log.info(`Failover drill: ${fault}`);
    drills.push(await runFailoverDrill(targets, readDrillSettings(inputs({ fault }), settings.masters.length), settings, runtime, log));
  }
  const passed = up.description.healthy && smokeTest.passed && drills.length === VERIFY_FAULTS.length && drills.every((drill) => drill.verdict.passed);
  return { cluster: up.description, secondsToHealthy: up.secondsToHealthy, smokeTest, drills, passed };
}
