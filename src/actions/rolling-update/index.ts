import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectationsOf } from '../../core/cluster/node-states.js';
import { ClusterStateError, InputError } from '../../core/errors.js';
import { InputReader } from '../../core/inputs/input-reader.js';
import { rollingFigures } from '../../core/rolling/rolling-journal.js';
import { describeStep } from '../../core/rolling/rolling-plan.js';
import type { Pipeline } from '../../core/pipeline.js';
import { suiteContent } from '../../tools/suite-content.js';
import { localUpdate } from '../../local/local-update.js';
import { ansibleUpdate, commandUpdate, reimageUpdate } from '../../azure/update-methods.js';
import { type RollingCluster, planFromCluster, runRollingUpdate } from '../../operations/rolling-update.js';
import type { UpdateMethod } from '../../core/rolling/update-method.js';
import { ensurePythonEnvironment } from '../../tools/installers.js';
import { userFile, userPath } from '../shared/user-paths.js';
import { writeExtraVariablesFile } from '../shared/secrets.js';
import { resolveCluster } from '../shared/cluster-resolver.js';
import { resolveClusterSecret } from '../shared/cluster-secret.js';
import { keepRoleVariables } from '../shared/configuration-store.js';
import { warnOfDeprecatedInputs } from '../shared/deprecations.js';
import { type RollingUpdateSettings, readRollingUpdateSettings } from './settings.js';
import { rollingSummary } from './summary.js';
import { resizeEnsembleAction } from './ensemble.js';

/** The rolling-update action behind every door. */
export async function rollingUpdateAction(pipeline: Pipeline): Promise<void> {
  const inputs = new InputReader(pipeline.inputs);
  const settings = readRollingUpdateSettings(inputs);
  warnOfDeprecatedInputs(inputs, pipeline);
  checkAnsibleFiles(settings, pipeline);
  if (settings.zookeeperCount !== undefined) return resizeEnsembleAction({ ...settings, zookeeperCount: settings.zookeeperCount }, pipeline);
  const { cluster, method } = await resolve(settings, pipeline);
  refuseUnknownNodes(settings.only, cluster);
  const clusterSecret = await resolveClusterSecret(settings.clusterSecret, settings.configurationStore, settings.masters, pipeline);
  const options = { ...settings, clusterSecret, only: settings.method.name === 'reimage' ? new Set(cluster.topology.workers.map((worker) => worker.name)) : settings.only };

  if (settings.dryRun) {
    const plan = await planFromCluster(cluster, options);
    const lines = plan.steps.map((step, index) => `${index + 1}. ${describeStep(step)}`);
    pipeline.log.info(`Plan (dry run, nothing touched; method: ${method.description}):\n${lines.join('\n')}`);
    pipeline.setOutput('plan', lines.join('\n'));
    pipeline.setOutput('completed', 'false');
    await pipeline.appendSummary(`### Rolling update plan (dry run)\n\n${lines.join('\n')}\n`);
    return;
  }

  if (settings.method.name === 'ansible' && Object.keys(settings.method.roleVariables).length > 0) {
    if (settings.configurationStore) await keepRoleVariables(settings.configurationStore, settings.method.roleVariables, pipeline);
    else
      pipeline.log.warning(
        "roleVariables without configurationStore: the running nodes get them, but a node booted later (autoscale, repair, reimage) does not. Pass provision's configurationStore output.",
      );
  }
  const report = await pipeline.group(`Rolling update (${method.description})`, () => runRollingUpdate({ cluster, method, options, log: pipeline.log }));
  const figures = rollingFigures(report.journal);
  const reportFile = path.join(pipeline.directories.temp, `spark-azure-rolling-update-${report.journal.startedAt}.json`);
  writeFileSync(reportFile, `${JSON.stringify({ ...report, figures }, null, 2)}\n`);
  pipeline.setOutput('completed', String(figures.completed));
  pipeline.setOutput('rolledNodes', figures.stepSeconds.flatMap((step) => step.nodes).join(','));
  pipeline.setOutput('noAliveSeconds', String(figures.noAliveSeconds));
  pipeline.setOutput('totalSeconds', String(figures.totalSeconds));
  pipeline.setOutput('report', reportFile);
  await pipeline.appendSummary(rollingSummary(report));
  if (report.halted) {
    throw new ClusterStateError(
      `Rolling update at step ${report.halted.step}`,
      'every gate to pass',
      report.halted.reason,
      `${report.halted.next} Report: ${reportFile}. See docs/runbook.md#a-rolling-update-halts.`,
    );
  }
  pipeline.log.info(`Rolling update completed in ${figures.totalSeconds} s; no ALIVE master for ${figures.noAliveSeconds} s.`);
}

/** The inventory and playbook an Ansible roll reads, before Ansible is installed (about 20 s) or any node asked. */
function checkAnsibleFiles(settings: RollingUpdateSettings, pipeline: Pipeline): void {
  if (settings.method.name !== 'ansible') return;
  userFile(pipeline, 'ansibleInventory', settings.method.inventory, 'the Ansible inventory of the cluster');
  if (settings.method.playbook !== undefined) userFile(pipeline, 'ansiblePlaybook', settings.method.playbook, 'an Ansible playbook');
}

/** `only` names nodes of this cluster: a name that matches none would silently roll nothing. */
function refuseUnknownNodes(only: ReadonlySet<string> | undefined, cluster: RollingCluster): void {
  const names = [...cluster.topology.zookeepers, ...cluster.topology.masters, ...cluster.topology.workers].map((node) => node.name);
  const unknown = [...(only ?? [])].filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new InputError(
      'only',
      `names of this cluster's nodes (${names.join(', ')})`,
      unknown.join(', '),
      'Use the node names the cluster reports (rolling-update dryRun lists them).',
    );
  }
}

async function resolve(settings: RollingUpdateSettings, pipeline: Pipeline): Promise<{ cluster: RollingCluster; method: UpdateMethod }> {
  const resolved = await resolveCluster({ ...settings, access: settings.nodeAccess }, pipeline);
  const { topology, operations } = resolved;
  // The local cluster expects every one of its workers back; on VMs, the count given or found at the start.
  const expectations = resolved.kind === 'local' ? expectationsOf(topology) : { ...expectationsOf(topology), minimumWorkers: settings.expectedWorkers ?? topology.workers.length };
  const cluster = { topology, operations, expectations };
  if (resolved.kind === 'local' && settings.method.name === 'local') return { cluster, method: localUpdate(resolved.local, settings.method.roleVariables, operations) };
  const keyFile = resolved.kind === 'remote' ? resolved.keyFile : undefined;
  switch (settings.method.name) {
    case 'local':
      throw new InputError('updateMethod', "'ansible', 'command' or 'reimage' for VMs", "'local'", "Use updateMethod 'local' only with nodeAccess 'local'.");
    case 'ansible': {
      const venv = await ensurePythonEnvironment('local-cluster', pipeline.directories.toolCache, pipeline.log);
      const playbook = settings.method.playbook === undefined ? suiteContent().sitePlaybook : userPath(pipeline, settings.method.playbook);
      return {
        cluster,
        method: ansibleUpdate(
          {
            ansiblePlaybook: path.join(venv, 'bin', 'ansible-playbook'),
            inventory: userPath(pipeline, settings.method.inventory),
            playbook,
            extraVariablesFile: extraVariablesFile(settings.method.roleVariables, keyFile, pipeline),
          },
          cluster.operations,
        ),
      };
    }
    case 'command':
      return { cluster, method: commandUpdate(settings.method.command) };
    case 'reimage':
      return { cluster, method: reimageUpdate({ resourceGroup: settings.method.resourceGroup, scaleSet: settings.method.scaleSet }, settings.method.imageId) };
  }
}

/**
 * Role variables and this run's key file, which wins over one the inventory names (provision's, removed
 * when its run ended), as one 0600 file for `-e @file`; none when there is nothing to pass.
 */
function extraVariablesFile(roleVariables: Readonly<Record<string, string>>, keyFile: string | undefined, pipeline: Pipeline): string | undefined {
  const variables = { ...roleVariables, ...(keyFile ? { ansible_ssh_private_key_file: keyFile } : {}) };
  return Object.keys(variables).length > 0 ? writeExtraVariablesFile(pipeline, variables) : undefined;
}
