#!/usr/bin/env node
// Time to grow the local cluster's ZooKeeper ensemble from 3 to 5 voters and shrink it back, one server a
// step with dynamic reconfiguration (`local resize-ensemble`), repeated. A step is timed from its start (a
// joiner rendered by the roles and started; or the reconfig of a leaving server) to the gate after it (every
// member reports the new membership, the leader has every voter in sync; a removed server stopped after the
// remaining quorum committed a write). The ALIVE master is checked to be the same one after each resize.
// Usage: node bench/ensemble-resize.mjs [repetitions=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repetitions = Number(process.argv[2] ?? 3);
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-ensemble-')) };
const cliRun = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
const aliveMaster = () => JSON.parse(cliRun(['local', 'status', '--json'])).nodes.find((node) => node.role === 'master' && node.state === 'ALIVE')?.name;

cliRun(['local', 'down']);
cliRun(['local', 'up', '--json']);
const steps = {};
const totals = { grow: [], shrink: [] };
for (let run = 1; run <= repetitions; run++) {
  for (const [direction, size] of [
    ['grow', 5],
    ['shrink', 3],
  ]) {
    const alive = aliveMaster();
    const report = JSON.parse(cliRun(['local', 'resize-ensemble', '--zookeeper-count', String(size), '--json']));
    if (report.after.length !== size) throw new Error(`${direction}: voters ${report.after.join(',')} after the resize`);
    if (aliveMaster() !== alive) throw new Error(`${direction}: the ALIVE master changed from ${alive}`);
    totals[direction].push(report.seconds);
    for (const step of report.steps) (steps[`${step.change} ${step.server}`] ??= []).push(step.seconds);
    console.error(`run ${run}, ${direction}: ${report.steps.map((step) => `${step.change} ${step.server} ${step.seconds.toFixed(1)} s`).join(', ')}`);
  }
}
cliRun(['local', 'down']);

const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
const row = (name, values) => `| ${name} | ${list(values)} | **${median(values).toFixed(1)}** |`;
writeResult(
  'ensemble-resize.md',
  `# Growing and shrinking the ZooKeeper ensemble on the local cluster

Each run grows a 3 ZooKeeper + 2 master + 2 worker local cluster's ensemble to 5 voters and shrinks it back
to 3 (\`local resize-ensemble --zookeeper-count 5\`, then \`3\`): one server a step, dynamic reconfiguration, no
other server restarted. **Add**: the joiner rendered by the roles (Ansible \`--limit\`) and started, synced as a
non-voting follower, \`reconfig -add\`, then every member reporting the new membership and the leader having
every voter in sync. **Remove**: \`reconfig -remove\`, every member reporting it, a write committed by the
remaining voters, the server stopped, the ensemble healthy. The ALIVE master was the same one before and
after every resize (checked; the integration test samples it every 50 ms throughout).

Reproduce: \`node bench/ensemble-resize.mjs ${repetitions}\`

${machineLine()}

| step | per run (s) | median |
|---|---|---:|
${Object.entries(steps)
  .map(([name, values]) => row(name, values))
  .join('\n')}
${row('whole grow 3 → 5', totals.grow)}
${row('whole shrink 5 → 3', totals.shrink)}

On Azure the new VMs come first (provision with the larger count) and are not timed here; an add's time is
mostly the joiner's configuration by Ansible and its JVM's start.
`,
);
