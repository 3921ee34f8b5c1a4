import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FOUR_LETTER_WORDS } from '../../src/core/zookeeper/four-letter-word.js';
import { $ } from 'zx';
import { silentLog } from '../../src/core/log.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';
import { ROOT } from '../support/run-bundle.js';
import { TERRAFORM } from '../support/terraform-tree.js';

const ROLE = path.join(ROOT, 'infra', 'ansible', 'roles', 'datadog_checks');
const MONITORS = path.join(ROOT, 'infra', 'monitoring', 'datadog', 'terraform');
const DOCUMENTED = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'datadog', 'documented-parameters.json'), 'utf8')) as Record<string, string[]>;

type CheckConfig = { init_config: Record<string, unknown> | null; instances: Record<string, unknown>[] };

// The Datadog alternative. Neither the Agent nor the Datadog Terraform provider can be had here (the Go
// module proxy refuses the provider, Datadog's package servers are out of reach), so the checks are held to
// the parameters each check documents, and the monitors to the metrics those checks produce.
describe('the Datadog checks and monitors', () => {
  let ansible: string;
  const work = mkdtempSync(path.join(os.tmpdir(), 'datadog-'));
  const render = async (template: string, variables: Record<string, string>): Promise<CheckConfig> => {
    const out = path.join(work, template.replace('.j2', ''));
    const extra = Object.entries(variables).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
    const run = await $({
      nothrow: true,
    })`${ansible} localhost -c local -m ansible.builtin.template -a ${`src=${path.join(ROLE, 'templates', template)} dest=${out}`} -e @${path.join(ROLE, 'defaults', 'main.yml')} ${extra}`.quiet();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    return parse(readFileSync(out, 'utf8')) as CheckConfig;
  };
  const master = { ansible_host: '10.40.2.10', spark_azure_cluster_name: 'spark-prod' };

  beforeAll(async () => {
    ansible = path.join(await ensurePythonEnvironment('local-cluster', cliDirectories().toolCache, silentLog), 'bin', 'ansible');
  });

  it('uses only the parameters each check documents', async () => {
    const checks = readdirSync(path.join(ROLE, 'templates')).map((file) => file.replace('.yaml.j2', ''));
    expect(checks.sort()).toEqual(['http_check', 'openmetrics', 'spark', 'zk']);
    for (const check of checks) {
      const config = await render(`${check}.yaml.j2`, { ...master, zookeeper_client_address: '10.40.1.10' });
      const used = [...Object.keys(config.init_config ?? {}), ...config.instances.flatMap((instance) => Object.keys(instance))];
      expect(
        used.filter((parameter) => !DOCUMENTED[check]!.includes(parameter)),
        check,
      ).toEqual([]);
    }
  });

  it('runs the spark check in standalone mode on every master against its own address', async () => {
    const spark = await render('spark.yaml.j2', master);
    expect(spark.instances).toEqual([expect.objectContaining({ spark_url: 'http://10.40.2.10:8080', spark_cluster_mode: 'spark_standalone_mode', cluster_name: 'spark-prod' })]);
  });

  it("probes /json/ so that only the ALIVE master's answer matches", async () => {
    const http = await render('http_check.yaml.j2', master);
    const pattern = new RegExp(String(http.instances[0]!.content_match));
    expect(http.instances[0]!.url).toBe('http://10.40.2.10:8080/json/');
    expect(pattern.test(readFileSync(path.join(ROOT, 'test', 'fixtures', 'spark-4.3-master-alive.json'), 'utf8'))).toBe(true);
    expect(pattern.test(readFileSync(path.join(ROOT, 'test', 'fixtures', 'spark-4.3-master-standby.json'), 'utf8'))).toBe(false);
  });

  it('whitelists the four-letter words the zk check sends', () => {
    const defaults = parse(readFileSync(path.join(ROOT, 'infra', 'ansible', 'roles', 'zookeeper', 'defaults', 'main.yml'), 'utf8')) as {
      zookeeper_four_letter_words: string[];
      zookeeper_datadog_four_letter_words: string[];
    };
    expect([...defaults.zookeeper_four_letter_words, ...defaults.zookeeper_datadog_four_letter_words]).toEqual(expect.arrayContaining(['srvr', 'stat', 'mntr', 'ruok']));
    // Without the Agent, only what spark-azure itself sends.
    expect(defaults.zookeeper_four_letter_words).toEqual([...FOUR_LETTER_WORDS]);
    expect(readFileSync(path.join(ROOT, 'infra', 'ansible', 'roles', 'zookeeper', 'templates', 'zoo-static.cfg.j2'), 'utf8')).toContain(
      'zookeeper_datadog_four_letter_words if datadog_checks_enabled | default(false) | bool',
    );
  });

  it('monitors only metrics these checks (or the Agent itself) produce, and page P1 through Opsgenie', async () => {
    const fmt = await $({ nothrow: true })`terraform fmt -check -diff ${MONITORS}`.quiet();
    expect(fmt.exitCode, fmt.stdout + fmt.stderr).toBe(0);
    const monitors = readFileSync(path.join(MONITORS, 'monitors.tf'), 'utf8');
    const openmetrics = await render('openmetrics.yaml.j2', master);
    const instance = openmetrics.instances[0] as { namespace: string; metrics: Record<string, string>[] };
    const produced = [
      'network.http.can_connect',
      ...instance.metrics.flatMap((mapping) => Object.values(mapping).map((name) => `${instance.namespace}.${name}`)),
      'zookeeper.instances.leader',
      'zookeeper.instances.follower',
      'zookeeper.latency.avg',
      'system.disk.in_use',
    ];
    const queried = [...monitors.matchAll(/(?:sum|max|min|avg):([a-z_.]+)\{/g)].map((match) => match[1]!);
    expect(queried.length).toBeGreaterThanOrEqual(7);
    expect(queried.filter((metric) => !produced.includes(metric))).toEqual([]);
    const p1 = [...monitors.matchAll(/priority = 1\n[\s\S]*?message\s+= "([^"]+)"/g)].map((match) => match[1]!);
    expect(p1.length).toBe(4);
    expect(p1.every((message) => message.includes('${local.p1}'))).toBe(true);
    expect(monitors).toMatch(/p1\s+= "@opsgenie-\$\{var\.opsgenie_p1\}"/);
    // Not one of the Azure roots: they are validated with the real azurerm provider, this one cannot be.
    expect(MONITORS.startsWith(TERRAFORM)).toBe(false);
  });
});
