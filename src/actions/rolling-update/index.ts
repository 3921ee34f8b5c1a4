import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectationsOf } from '../../core/cluster/node-states.js';
import type { ClusterTopology } from '../../core/cluster/topology.js';
import { ClusterStateError } from '../../core/errors.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import { rollingFigures } from '../../core/rolling/rolling-journal.js';
import { describeStep } from '../../core/rolling/rolling-plan.js';
import type { Pipeline } from '../../doors/pipeline.js';
import { LocalCluster } from '../../local/local-cluster.js';
import { localUpdate } from '../../local/local-update.js';
import { localPaths, packageRoot, toolsDir } from '../../local/paths.js';
import { ansibleUpdate, commandUpdate, reimageUpdate } from '../../operations/remote-updates.js';
import { type RollingTargets, planFromCluster, runRollingUpdate } from '../../operations/rolling-update.js';
import type { UpdateMethod } from '../../operations/update-method.js';
import { ensurePythonEnvironment } from '../../tools/installers.js';
import { remoteNodeOperations, remoteTopology } from '../shared/remote-cluster.js';
import { type RollingUpdateSettings, readRollingUpdateSettings } from './settings.js';
import { rollingSummary } from './summary.js';

/** The rolling-update action behind every door. */
export async function rollingUpdateAction(pipeline: Pipeline): Promise<void> {
  const settings = readRollingUpdateSettings(new InputReader(pipeline.inputs));
  const { targets, method } = await resolve(settings, pipeline);
  const options = { ...settings, only: settings.method.name === 'reimage' ? new Set(targets.topology.workers.map((worker) => worker.name)) : settings.only };

  if (settings.dryRun) {
    const plan = await planFromCluster(targets, options);
    const lines = plan.steps.map((step, index) => `${index + 1}. ${describeStep(step)}`);
    pipeline.log.info(`Plan (dry run, nothing touched; method: ${method.description}):\n${lines.join('\n')}`);
    pipeline.setOutput('plan', lines.join('\n'));
    pipeline.setOutput('completed', 'false');
    await pipeline.appendSummary(`### Rolling update plan (dry run)\n\n${lines.join('\n')}\n`);
    return;
  }

  const report = await pipeline.group(`Rolling update (${method.description})`, () => runRollingUpdate(targets, method, options, pipeline.log));
  const figures = rollingFigures(report.journal);
  const reportFile = path.join(process.env.RUNNER_TEMP ?? process.env.AGENT_TEMPDIRECTORY ?? os.tmpdir(), `spark-azure-rolling-update-${report.journal.startedAt}.json`);
  writeFileSync(reportFile, `${JSON.stringify({ ...report, figures }, null, 2)}\n`);
  pipeline.setOutput('completed', String(figures.completed));
  pipeline.setOutput('rolledNodes', figures.stepSeconds.flatMap((step) => step.nodes).join(','));
  pipeline.setOutput('noAliveSeconds', String(figures.noAliveSeconds));
  pipeline.setOutput('totalSeconds', String(figures.totalSeconds));
  pipeline.setOutput('report', reportFile);
  await pipeline.appendSummary(rollingSummary(report));
  if (report.halted) {
    throw new ClusterStateError(`Rolling update at step ${report.halted.step}`, 'every gate to pass', report.halted.reason, `${report.halted.next} Report: ${reportFile}. See docs/runbook.md#a-rolling-update-halts.`);
  }
  pipeline.log.info(`Rolling update completed in ${figures.totalSeconds} s; no ALIVE master for ${figures.noAliveSeconds} s.`);
}

async function resolve(settings: RollingUpdateSettings, pipeline: Pipeline): Promise<{ targets: RollingTargets; method: UpdateMethod }> {
  const access = settings.nodeAccess;
  let topology: ClusterTopology;
  let targets: RollingTargets;
  if (access.kind === 'local') {
    const cluster = new LocalCluster(localPaths(), pipeline.log);
    topology = await cluster.topology();
    targets = { topology, operations: cluster.nodeOperations(), expectations: expectationsOf(topology) };
    if (settings.method.name === 'local') return { targets, method: localUpdate(cluster, settings.method.settings, targets.operations) };
  } else {
    topology = await remoteTopology({
      masters: settings.masters,
      masterWebUiPort: settings.masterWebUiPort,
      zookeepers: settings.zookeepers!,
      zookeeperDir: settings.zookeeperDir,
      workers: settings.workers,
      masterNames: access.kind === 'azure' ? access.masterVmNames : undefined,
    });
    const expectations = { ...expectationsOf(topology), minimumWorkers: settings.expectedWorkers ?? topology.workers.length };
    targets = { topology, operations: remoteNodeOperations(access, { register: (value) => pipeline.setSecret(value) }), expectations };
  }
  switch (settings.method.name) {
    case 'local':
      throw new ClusterStateError("Input 'updateMethod'", "'ansible', 'command' or 'reimage' for VMs", "'local'", "Use updateMethod 'local' only with nodeAccess 'local'.");
    case 'ansible': {
      const venv = await ensurePythonEnvironment('local-cluster', toolsDir(), pipeline.log);
      const playbook = settings.method.playbook ?? path.join(packageRoot(), 'infra', 'ansible', 'site.yml');
      return { targets, method: ansibleUpdate({ ansiblePlaybook: path.join(venv, 'bin', 'ansible-playbook'), inventory: settings.method.inventory, playbook, extraVars: settings.method.settings }, targets.operations) };
    }
    case 'command':
      return { targets, method: commandUpdate(settings.method.command) };
    case 'reimage':
      return { targets, method: reimageUpdate({ resourceGroup: settings.method.resourceGroup, scaleSet: settings.method.scaleSet }, settings.method.imageId) };
  }
}
