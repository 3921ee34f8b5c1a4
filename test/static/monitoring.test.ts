import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { type MonitoringTools, ensureMonitoringTools } from '../../src/tools/monitoring-tools.js';
import { ROOT } from '../support/run-bundle.js';

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

  it("Alertmanager's configuration is valid and routes P1 to the pagers and the webhook, the rest to the webhook", async () => {
    const config = path.join(MONITORING, 'alertmanager', 'alertmanager.yml');
    const check = await $({ nothrow: true })`${tools.amtool} check-config ${config}`.quiet();
    expect(check.exitCode, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/2 inhibit rules/);
    const route = async (...labels: string[]) => (await $`${tools.amtool} config routes test --config.file=${config} ${labels}`.quiet()).stdout.trim();
    expect(await route('alertname=SparkNoAliveMaster', 'priority=P1')).toBe('pager,webhook');
    expect(await route('alertname=SparkMasterDown', 'priority=P3')).toBe('webhook');
  });
});
