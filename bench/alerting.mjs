#!/usr/bin/env node
// The pager's latency on the local cluster with its monitoring (scrape and rule evaluation every second):
// hard kills of the ALIVE master through the failover drill with alertmanagerUrl; from the drill's journal,
// fault to SparkNoAliveMaster firing at Alertmanager, and takeover to resolved (goal: 20 s or less each).
// A planned handover is run too: it must page nobody.
// Usage: node bench/alerting.mjs [repetitions=5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandOutputs, machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repetitions = Number(process.argv[2] ?? 5);
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-alerting-')) };
const cliRun = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
const drill = (fault, alertmanagerUrl) => {
  const stdout = cliRun(['failover-drill', '--fault', fault, '--job-seconds', '20', '--grace-seconds', '2', '--alertmanager-url', alertmanagerUrl]);
  const outputs = commandOutputs(stdout);
  const journal = JSON.parse(readFileSync(outputs.drillJournal, 'utf8'));
  if (!journal.verdict.passed) throw new Error(`${fault}: ${journal.verdict.reasons.join('; ')}`);
  return journal;
};
const at = (journal, predicate) => journal.entries.find(predicate)?.at;

cliRun(['local', 'down']);
const { alertmanagerUrl } = JSON.parse(cliRun(['local', 'up', '--monitoring', '--json'])).monitoring;
const runs = [];
try {
  for (let run = 1; run <= repetitions; run++) {
    const journal = drill('kill', alertmanagerUrl);
    const fault = at(journal, (entry) => entry.kind === 'action' && entry.action === 'fault');
    const tookOver = at(journal, (entry) => entry.kind === 'check' && entry.check === 'a standby took over with every worker');
    const firing = at(journal, (entry) => entry.kind === 'alert' && entry.state === 'firing');
    const resolved = at(journal, (entry) => entry.kind === 'alert' && entry.state === 'resolved');
    runs.push({ firing: (firing - fault) / 1000, resolved: (resolved - tookOver) / 1000, recovery: journal.verdict.figures.recoverySeconds });
    console.error(`kill ${run}: firing ${runs.at(-1).firing} s after the fault, resolved ${runs.at(-1).resolved} s after the takeover`);
  }
  drill('stop', alertmanagerUrl);
} finally {
  cliRun(['local', 'down']);
}

const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
const figure = (key) => `${list(runs.map((run) => run[key]))} | **${median(runs.map((run) => run[key])).toFixed(1)}** | ${Math.max(...runs.map((run) => run[key])).toFixed(1)}`;
writeResult(
  'alerting.md',
  `# The pager's latency: a hard kill of the ALIVE master, from fault to page and from recovery to resolved

${machineLine()}

Reproduce: \`npm run build && node bench/alerting.mjs ${repetitions}\`. The local cluster (3 ZooKeeper, 2 masters, 2 workers)
with \`local up --monitoring\`: Prometheus scrapes every target and evaluates the rules every second, the
blackbox exporter probes each master's /json/, Alertmanager (group_wait 0 s) holds the alerts. Each run is a
failover drill with \`alertmanagerUrl\`: the drill reads Alertmanager's active alerts every 250 ms and journals
when \`SparkNoAliveMaster\` appears and disappears. Goal: 20 s or less for each figure.

| figure (${repetitions} hard kills) | runs (s) | median (s) | worst (s) |
|---|---|---|---|
| fault → SparkNoAliveMaster firing at Alertmanager | ${figure('firing')} |
| takeover (a standby ALIVE with every worker) → resolved | ${figure('resolved')} |
| fault → takeover (the drill's recovery) | ${figure('recovery')} |

A planned handover (\`fault: stop\`) in the same run paged nobody (the drill's check passed).

Why these figures: the rule fires after 3 s without an ALIVE master (\`for: 3s\`); the first probe that
misses the dead master comes within a second, and the ZooKeeper session (6 s) keeps the standby from
leading for most of the outage. Resolution needs a probe of the new ALIVE master and one evaluation.
`,
);
