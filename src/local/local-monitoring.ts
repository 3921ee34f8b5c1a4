import { copyFileSync, readFileSync } from 'node:fs';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { ClusterTopology } from '../core/cluster/topology.js';
import { ClusterStateError } from '../core/errors.js';
import { httpGetJson } from '../core/http-get-json.js';
import { masterStatusTargets, scrapeJobs } from '../core/monitoring/prometheus-targets.js';
import { waitUntil } from '../core/wait.js';
import type { MonitoringTools } from '../tools/monitoring-tools.js';
import type { LocalProcesses } from './local-processes.js';
import { nodeDir } from './paths.js';

/** Monitoring beside the local cluster: one loopback address of its own, the programs' usual ports. */
export const MONITORING_HOST = '127.0.0.41';
const PORTS = { prometheus: 9090, alertmanager: 9093, blackboxExporter: 9115 };
const PROGRAMS = ['blackbox-exporter', 'alertmanager', 'prometheus'] as const;
/** The `cluster` label the rules group and summarize by. */
const CLUSTER_LABEL = 'local';

export interface LocalMonitoring {
  readonly prometheusUrl: string;
  readonly alertmanagerUrl: string;
  readonly blackboxExporterUrl: string;
  /** Where Alertmanager sends every alert, firing and resolved; none: Alertmanager keeps them to itself. */
  readonly alertWebhook?: string;
}

const url = (port: number) => `http://${MONITORING_HOST}:${port}`;

/**
 * Starts the blackbox exporter, Alertmanager and Prometheus for the local cluster, with spark-azure's own
 * rules and blackbox module, scraping every second, and waits until Prometheus scrapes every target.
 * Runs under the cluster's supervisor, so `local down` stops them with the nodes.
 */
export async function startLocalMonitoring(
  where: { processes: LocalProcesses; clusterDir: string; monitoringDir: string },
  topology: ClusterTopology,
  tools: MonitoringTools,
  options: { alertWebhook?: string } = {},
): Promise<LocalMonitoring> {
  const directory = nodeDir(where.clusterDir, 'monitoring');
  await rm(directory, { recursive: true, force: true });
  await mkdir(path.join(directory, 'bin'), { recursive: true });
  const rules = path.join(directory, 'spark-azure.rules.yml');
  copyFileSync(path.join(where.monitoringDir, 'prometheus', 'rules', 'spark-azure.rules.yml'), rules);
  copyFileSync(path.join(where.monitoringDir, 'blackbox', 'blackbox.yml'), path.join(directory, 'blackbox.yml'));
  await writeFile(path.join(directory, 'prometheus.yml'), prometheusConfig(topology, rules));
  await writeFile(path.join(directory, 'alertmanager.yml'), alertmanagerConfig(path.join(where.monitoringDir, 'alertmanager', 'alertmanager.yml'), options.alertWebhook));

  const commands: Record<(typeof PROGRAMS)[number], string[]> = {
    'blackbox-exporter': [tools.blackboxExporter, `--config.file=${path.join(directory, 'blackbox.yml')}`, `--web.listen-address=${MONITORING_HOST}:${PORTS.blackboxExporter}`],
    // No HA peer port: Alertmanager would otherwise listen for peers on every interface.
    alertmanager: [
      tools.alertmanager,
      `--config.file=${path.join(directory, 'alertmanager.yml')}`,
      `--storage.path=${path.join(directory, 'alertmanager-data')}`,
      `--web.listen-address=${MONITORING_HOST}:${PORTS.alertmanager}`,
      '--cluster.listen-address=',
    ],
    prometheus: [
      tools.prometheus,
      `--config.file=${path.join(directory, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(directory, 'prometheus-data')}`,
      `--web.listen-address=${MONITORING_HOST}:${PORTS.prometheus}`,
    ],
  };
  for (const program of PROGRAMS) {
    const launcher = path.join(directory, 'bin', `run-${program}`);
    await writeFile(launcher, `#!/bin/sh\nexec ${commands[program].map(shellQuote).join(' ')}\n`);
    await chmod(launcher, 0o755);
    await where.processes.startLauncher(program, launcher);
  }
  const monitoring = {
    prometheusUrl: url(PORTS.prometheus),
    alertmanagerUrl: url(PORTS.alertmanager),
    blackboxExporterUrl: url(PORTS.blackboxExporter),
    alertWebhook: options.alertWebhook,
  };
  await waitForEveryTarget(monitoring.prometheusUrl, expectedTargets(topology));
  return monitoring;
}

export async function stopLocalMonitoring(processes: LocalProcesses): Promise<void> {
  for (const program of [...PROGRAMS].reverse()) await processes.stop({ name: program });
}

export function localMonitoringRunning(processes: LocalProcesses): boolean {
  return PROGRAMS.some((program) => processes.pid({ name: program }) !== undefined);
}

function expectedTargets(topology: ClusterTopology): number {
  return scrapeJobs(topology).reduce((sum, job) => sum + job.targets.length, 0) + masterStatusTargets(topology).length;
}

/** Every target scraped and up: then the alerts mean what they say. */
async function waitForEveryTarget(prometheusUrl: string, expected: number): Promise<void> {
  const result = await waitUntil(
    async () => {
      try {
        const answer = (await httpGetJson(`${prometheusUrl}/api/v1/targets?state=active`, 1000)) as { data: { activeTargets: { scrapeUrl: string; health: string }[] } };
        return answer.data.activeTargets;
      } catch {
        return [];
      }
    },
    (targets) => targets.length === expected && targets.every((target) => target.health === 'up'),
    { timeoutMs: 60_000, intervalMs: 500 },
  );
  if (!result.satisfied) {
    const down = result.last.filter((target) => target.health !== 'up').map((target) => target.scrapeUrl);
    throw new ClusterStateError(
      'Local monitoring',
      `Prometheus scraping all ${expected} targets`,
      `${result.last.length} targets${down.length > 0 ? `, down: ${down.join(', ')}` : ''}`,
      `Read ${prometheusUrl}/targets and the logs under nodes/prometheus/logs/.`,
    );
  }
}

function prometheusConfig(topology: ClusterTopology, rules: string): string {
  const labels = { cluster: CLUSTER_LABEL };
  return stringify({
    // Every second, so that a crash pages within seconds (the rules' durations assume it).
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    rule_files: [rules],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [`${MONITORING_HOST}:${PORTS.alertmanager}`] }] }] },
    scrape_configs: [
      {
        job_name: 'spark-master-status',
        metrics_path: '/probe',
        params: { module: ['spark_master_alive'] },
        static_configs: [{ targets: masterStatusTargets(topology), labels }],
        relabel_configs: [
          { source_labels: ['__address__'], target_label: '__param_target' },
          { source_labels: ['__param_target'], target_label: 'instance' },
          { target_label: '__address__', replacement: `${MONITORING_HOST}:${PORTS.blackboxExporter}` },
        ],
      },
      ...scrapeJobs(topology).map((job) => ({ job_name: job.job, metrics_path: job.metricsPath, static_configs: [{ targets: job.targets, labels }] })),
    ],
  });
}

/**
 * Production's Alertmanager configuration (its inhibitions) with one local receiver instead of the pagers:
 * every alert to the webhook at once, resolved ones too, grouped per alert.
 */
function alertmanagerConfig(production: string, webhook: string | undefined): string {
  const { inhibit_rules } = parse(readFileSync(production, 'utf8')) as { inhibit_rules: unknown[] };
  return stringify({
    route: { receiver: 'local', group_by: ['alertname', 'cluster'], group_wait: '0s', group_interval: '1s', repeat_interval: '1h' },
    inhibit_rules,
    receivers: [{ name: 'local', ...(webhook ? { webhook_configs: [{ url: webhook, send_resolved: true }] } : {}) }],
  });
}

function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
