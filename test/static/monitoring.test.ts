import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { type MonitoringTools, ensureMonitoringTools } from '../../src/tools/monitoring-tools.js';
import { ROOT } from '../support/run-bundle.js';
import { parse } from 'yaml';
import { scrapeJobs } from '../../src/core/monitoring/prometheus-targets.js';
import { localTopology } from '../../src/local/local-topology.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';

const MONITORING = path.join(ROOT, 'infra', 'monitoring');

// The alert rules and Alertmanager's configuration, checked by the real promtool and amtool.
describe('monitoring configuration', () => {
  let tools: MonitoringTools;
  beforeAll(async () => {
    tools = await ensureMonitoringTools(cliDirectories().toolCache, silentLog);
  }, 600_000);

  it('every alert rule passes its promtool unit tests', async () => {
    const run = await $({ cwd: path.join(MONITORING, 'prometheus', 'tests'), nothrow: true })`${tools.promtool} test rules spark-azure.rules.test.yml`.quiet();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/SUCCESS/);
  });

  it('the tests catch a no-ALIVE-master alert that would page on a planned handover', async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'monitoring-'));
    cpSync(path.join(MONITORING, 'prometheus'), copy, { recursive: true });
    const rules = path.join(copy, 'rules', 'spark-azure.rules.yml');
    const original = readFileSync(rules, 'utf8');
    const mutated = original.replace(/(alert: SparkNoAliveMaster\n\s+expr: .*\n\s+for: )3s/, '$10s');
    expect(mutated).not.toBe(original);
    writeFileSync(rules, mutated);
    const run = await $({ cwd: path.join(copy, 'tests'), nothrow: true })`${tools.promtool} test rules spark-azure.rules.test.yml`.quiet();
    expect(run.exitCode).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/name: a planned handover pages nobody,\s+alertname: SparkNoAliveMaster/);
  });

  it('every alert links a section of docs/runbook.md that exists', () => {
    const rules = readFileSync(path.join(MONITORING, 'prometheus', 'rules', 'spark-azure.rules.yml'), 'utf8');
    const anchors = [...rules.matchAll(/runbook_url: \S+\/docs\/runbook\.md#(\S+)/g)].map((match) => match[1]!);
    expect(anchors.length).toBe([...rules.matchAll(/- alert: /g)].length);
    const headings = new Set(
      [...readFileSync(path.join(ROOT, 'docs', 'runbook.md'), 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((match) =>
        match[1]!
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    expect(anchors.filter((anchor) => !headings.has(anchor))).toEqual([]);
  });

  it("Alertmanager's configuration is valid and routes P1 to the pagers and the webhook, the rest to the webhook", async () => {
    const config = path.join(MONITORING, 'alertmanager', 'alertmanager.yml');
    const check = await $({ nothrow: true })`${tools.amtool} check-config ${config}`.quiet();
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/2 inhibit rules/);
    const route = async (...labels: string[]) => (await $`${tools.amtool} config routes test --config.file=${config} ${labels}`.quiet()).stdout.trim();
    expect(await route('alertname=SparkNoAliveMaster', 'priority=P1')).toBe('pager,webhook');
    expect(await route('alertname=SparkMasterDown', 'priority=P3')).toBe('webhook');
  });

  it("the prometheus role's configuration for Azure passes promtool, and scrapes the jobs the local cluster scrapes", async () => {
    const venv = await ensurePythonEnvironment('local-cluster', cliDirectories().toolCache, silentLog);
    const work = mkdtempSync(path.join(os.tmpdir(), 'prometheus-role-'));
    const role = path.join(ROOT, 'infra', 'ansible', 'roles', 'prometheus');
    const rendered = path.join(work, 'prometheus.yml');
    const variables = path.join(work, 'variables.yml');
    writeFileSync(
      variables,
      readFileSync(path.join(role, 'defaults', 'main.yml'), 'utf8') +
        'prometheus_azure_subscription_id: 00000000-0000-0000-0000-000000000000\nprometheus_azure_resource_group: rg-spark-prod\nprometheus_cluster_name: spark-prod\n',
    );
    const render = await $({
      nothrow: true,
    })`${path.join(venv, 'bin', 'ansible')} localhost -c local -m ansible.builtin.template -a ${`src=${path.join(role, 'templates', 'prometheus.yml.j2')} dest=${rendered}`} -e @${variables}`.quiet();
    expect(render.exitCode, render.stdout + render.stderr).toBe(0);
    const check = await $({ nothrow: true })`${tools.promtool} check config --syntax-only ${rendered}`.quiet();
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);

    const config = parse(readFileSync(rendered, 'utf8')) as { scrape_configs: { job_name: string; metrics_path?: string; azure_sd_configs: { resource_group: string }[] }[] };
    const azure = Object.fromEntries(config.scrape_configs.map((job) => [job.job_name, job.metrics_path]));
    for (const job of scrapeJobs(localTopology({ zookeeperCount: 3, masterCount: 2, workerCount: 2 }))) expect(azure[job.job], job.job).toBe(job.metricsPath);
    expect(Object.keys(azure)).toEqual(expect.arrayContaining(['spark-master-status', 'node']));
    expect(config.scrape_configs.every((job) => job.azure_sd_configs[0]?.resource_group === 'rg-spark-prod')).toBe(true);
  });
});
