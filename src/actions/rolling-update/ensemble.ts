import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ansibleConfigure } from '../../azure/update-methods.js';
import { sshEnsembleAccess } from '../../azure/ssh-ensemble-access.js';
import type { ZooKeeperNode } from '../../core/cluster/topology.js';
import { InputError } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { EnsembleAccess } from '../../core/cluster/ensemble-membership.js';
import { LocalCluster } from '../../local/local-cluster.js';
import { localEnsembleResize } from '../../local/local-ensemble.js';
import { localPaths } from '../../local/paths.js';
import { type ResizeReport, resizeEnsemble } from '../../operations/ensemble-resize.js';
import { ensurePythonEnvironment } from '../../tools/installers.js';
import { suiteContent } from '../../tools/suite-content.js';
import { resolveClusterSecret } from '../shared/cluster-secret.js';
import { writeSshKeyFile } from '../shared/secrets.js';
import { userPath } from '../shared/user-paths.js';
import type { RollingUpdateSettings } from './settings.js';

/**
 * rolling-update with `zookeeperCount`: the ensemble grows or shrinks to that many voters, one server a
 * step, instead of a roll. On VMs the `zookeepers` input lists every server of both sizes in myid order
 * (provision's output after the apply that created the new VMs); the first `zookeeperCount` stay.
 */
export async function resizeEnsembleAction(settings: RollingUpdateSettings & { zookeeperCount: number }, pipeline: Pipeline): Promise<void> {
  const { servers, wantedVoterIds, access, finish } = await ensembleSides(settings, pipeline);
  const clusterSecret = await resolveClusterSecret(settings.clusterSecret, settings.configurationStore, settings.masters, pipeline);
  const report = await pipeline.group(`ZooKeeper ensemble to ${settings.zookeeperCount} servers`, () =>
    resizeEnsemble(servers, wantedVoterIds, access, {
      log: pipeline.log,
      gateTimeoutMs: settings.gateTimeoutSeconds * 1000,
      lockWaitMs: settings.lockWaitSeconds * 1000,
      clusterSecret,
    }),
  );
  await finish();
  const reportFile = path.join(pipeline.directories.temp, `spark-azure-ensemble-resize-${Date.now()}.json`);
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  pipeline.setOutput('completed', 'true');
  pipeline.setOutput('ensembleVoters', report.after.join(','));
  pipeline.setOutput('totalSeconds', report.seconds.toFixed(1));
  pipeline.setOutput('report', reportFile);
  await pipeline.appendSummary(ensembleSummary(report));
  pipeline.log.info(describeResize(report));
}

export function describeResize(report: ResizeReport): string {
  if (report.steps.length === 0) return `The ensemble already has voters ${report.after.join(', ')}: nothing to change.`;
  const steps = report.steps.map((step) => `${step.change} ${step.server} ${step.seconds.toFixed(1)} s`).join(', ');
  return `ZooKeeper voters ${report.before.join(',')} → ${report.after.join(',')} in ${report.seconds.toFixed(1)} s: ${steps}.`;
}

function ensembleSummary(report: ResizeReport): string {
  const rows = report.steps.map((step) => `| ${step.change} | ${step.server} | ${step.seconds.toFixed(1)} | ${step.version} |`);
  return [
    `### ZooKeeper ensemble: voters ${report.before.join(',')} → ${report.after.join(',')}`,
    '',
    '| change | server | seconds | membership version |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function ensembleSides(
  settings: RollingUpdateSettings & { zookeeperCount: number },
  pipeline: Pipeline,
): Promise<{ servers: readonly ZooKeeperNode[]; wantedVoterIds: readonly number[]; access: EnsembleAccess; finish: () => Promise<void> }> {
  const nodeAccess = settings.nodeAccess;
  if (nodeAccess.kind === 'local') return localEnsembleResize(new LocalCluster(localPaths(pipeline.directories), pipeline.log), settings.zookeeperCount);
  if (settings.method.name !== 'ansible') {
    throw new InputError(
      'updateMethod',
      "'ansible' with zookeeperCount on VMs (a joiner is configured by the site playbook)",
      `'${settings.method.name}'`,
      "Set updateMethod to 'ansible' and ansibleInventory to the inventory provision wrote.",
    );
  }
  const zookeepers = settings.zookeepers ?? [];
  if (zookeepers.length < settings.zookeeperCount) {
    throw new InputError(
      'zookeepers',
      `every ZooKeeper server of both sizes (at least ${settings.zookeeperCount}), in myid order`,
      `${zookeepers.length}`,
      'Apply provision with the new count first and pass its zookeepers output.',
    );
  }
  const servers = zookeepers.map(
    (server, index): ZooKeeperNode => ({ name: server.host, role: 'zookeeper', host: server.host, id: index + 1, clientPort: server.port, quorumPort: 2888, electionPort: 3888 }),
  );
  const keyFile = nodeAccess.privateKey ? writeSshKeyFile(pipeline, nodeAccess.privateKey) : undefined;
  const venv = await ensurePythonEnvironment('local-cluster', pipeline.directories.toolCache, pipeline.log);
  const configure = ansibleConfigure({
    ansiblePlaybook: path.join(venv, 'bin', 'ansible-playbook'),
    inventory: userPath(pipeline, settings.method.inventory),
    playbook: settings.method.playbook === undefined ? suiteContent().sitePlaybook : userPath(pipeline, settings.method.playbook),
  });
  return {
    servers,
    wantedVoterIds: servers.slice(0, settings.zookeeperCount).map((server) => server.id),
    access: sshEnsembleAccess({ ...nodeAccess.ssh, keyFile }, configure),
    finish: async () => undefined,
  };
}
