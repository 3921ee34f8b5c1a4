#!/usr/bin/env node
// The reconcile drill on the local cluster (`failover-drill --fault destroy`, what the chaos workflow runs
// with fault destroy): the ALIVE master destroyed outright while a job runs (processes killed with no
// shutdown, configuration, data and logs removed), the takeover measured, then the master re-created by the
// local cluster's reconcile and waited for as STANDBY; the job must finish and a new submission succeed.
// Usage: node bench/destroy-drill.mjs [repetitions=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandOutputs, machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repetitions = Number(process.argv[2] ?? 3);
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-destroy-drill-')) };
const cliRun = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();

cliRun(['local', 'down']);
cliRun(['local', 'up', '--json']);
const runs = [];
for (let run = 1; run <= repetitions; run++) {
  const started = performance.now();
  const outputs = commandOutputs(cliRun(['failover-drill', '--fault', 'destroy', '--job-seconds', '30', '--max-recovery-seconds', '600', '--grace-seconds', '2']));
  const whole = (performance.now() - started) / 1000;
  const journal = JSON.parse(readFileSync(outputs.drillJournal, 'utf8'));
  if (!journal.verdict.passed) throw new Error(`run ${run}: ${journal.verdict.reasons.join('; ')}`);
  const { recoverySeconds, aliveGapSeconds, restoreSeconds } = journal.verdict.figures;
  runs.push({ recovery: recoverySeconds, gap: aliveGapSeconds, restore: restoreSeconds, whole });
  console.error(`run ${run}: recovery ${recoverySeconds} s, no ALIVE ${aliveGapSeconds} s, re-created and STANDBY ${restoreSeconds} s, whole drill ${whole.toFixed(1)} s`);
}
cliRun(['local', 'down']);

const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
const row = (name, key) => `| ${name} | ${list(runs.map((r) => r[key]))} | **${median(runs.map((r) => r[key])).toFixed(1)}** |`;
writeResult(
  'destroy-drill.md',
  `# The reconcile drill on the local cluster

Each run is \`spark-azure failover-drill --fault destroy\` (the chaos workflow's \`fault: destroy\`) on a
3 ZooKeeper + 2 master + 2 worker local cluster: the ALIVE master is destroyed outright while a 30 s job
runs (processes killed with no shutdown; configuration, data and logs removed), a standby takes over, and
the local cluster's reconcile renders the master's configuration again with the roles (\`--limit\`) and
starts it. The running job must finish and a new submission succeed; every run passed.

- **Recovery**: from the destroy to a new ALIVE master with every worker registered (the loss of a host:
  the standby waits for the ZooKeeper session to expire).
- **No ALIVE**: from the last probe that saw the old master ALIVE to the first that saw the new one.
- **Re-creation**: from the start of reconcile to the destroyed master STANDBY again (output \`restoreSeconds\`).
- **Whole drill**: the command's wall time, smoke test and new submission included.

Reproduce: \`node bench/destroy-drill.mjs ${repetitions}\`

${machineLine()}

| figure | per run (s) | median |
|---|---|---:|
${row('recovery', 'recovery')}
${row('no ALIVE master', 'gap')}
${row('re-creation to STANDBY', 'restore')}
${row('whole drill', 'whole')}

On Azure the re-creation is provision's reconcile: Terraform creates the VM again and Ansible configures it;
that takes minutes and is not measured here (Azure cannot be reached from this machine).
`,
);
