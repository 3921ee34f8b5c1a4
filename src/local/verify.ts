import { readSmokeTestSettings } from '../actions/smoke-test/settings.js';
import { type SmokeTestReport, runSmokeTest } from '../actions/smoke-test/run-smoke-test.js';
import { InputReader, recordInputSource } from '../core/inputs/input-reader.js';
import { resolveSparkRuntime } from '../tools/spark-runtime.js';
import type { Log } from '../core/log.js';
import type { LocalCluster, LocalClusterDescription } from './local-cluster.js';
import { DEFAULT_SHAPE } from './local-topology.js';

export interface VerifyReport {
  readonly cluster: LocalClusterDescription;
  readonly secondsToHealthy?: number;
  readonly smokeTest: SmokeTestReport;
  readonly passed: boolean;
}

/**
 * The main job on the embedded default: bring the local cluster up (or use the running one) and run the
 * suite's checks against it. Grows as actions land.
 */
export async function verifyLocalCluster(cluster: LocalCluster, log: Log): Promise<VerifyReport> {
  const up = await cluster.up(DEFAULT_SHAPE);
  log.info(up.alreadyRunning ? 'Using the running local cluster.' : `Local cluster healthy ${up.secondsToHealthy!.toFixed(1)} s after start.`);
  const settings = readSmokeTestSettings(new InputReader(recordInputSource({ masters: up.description.masterUrl })));
  const runtime = await resolveSparkRuntime({ input: 'sparkHome', toolsDir: cluster.paths.toolsDir }, log);
  const smokeTest = await runSmokeTest(settings, runtime, log);
  return { cluster: up.description, secondsToHealthy: up.secondsToHealthy, smokeTest, passed: up.description.healthy && smokeTest.passed };
}
