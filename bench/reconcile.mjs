#!/usr/bin/env node
// Time to bring back a destroyed node on the local cluster: `local node destroy <node>` (its processes
// killed with no shutdown, its configuration, data and logs removed), then `local reconcile`, which renders
// that node's configuration again with the roles and starts it. Measured per kind of node, repeated:
//   reconcile: from the start of `local reconcile` to the node counted healthy again (a ZooKeeper server
//   synced at the leader, a master STANDBY, a worker ALIVE at the ALIVE master); whole: from the destroy.
// Usage: node bench/reconcile.mjs [repetitions=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repetitions = Number(process.argv[2] ?? 3);
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-reconcile-')) };
const cliRun = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
const nodesIn = (state) => JSON.parse(cliRun(['local', 'status', '--json'])).nodes.filter((node) => node.state === state);

const kinds = [
  { name: 'ZooKeeper follower (data lost with it)', pick: () => nodesIn('follower')[0] },
  { name: 'STANDBY master', pick: () => nodesIn('STANDBY')[0] },
  { name: 'ALIVE master (the standby takes over first)', pick: () => nodesIn('ALIVE').find((node) => node.role === 'master') },
  { name: 'worker', pick: () => nodesIn('ALIVE').find((node) => node.role === 'worker') },
];

cliRun(['local', 'down']);
cliRun(['local', 'up', '--json']);
const results = [];
for (const kind of kinds) {
  const runs = [];
  for (let run = 1; run <= repetitions; run++) {
    const node = kind.pick();
    if (!node) throw new Error(`${kind.name}: no such node in the running cluster`);
    const destroyed = performance.now();
    cliRun(['local', 'node', 'destroy', node.name]);
    const result = JSON.parse(cliRun(['local', 'reconcile', '--json']));
    const whole = (performance.now() - destroyed) / 1000;
    if (result.reconciled.join() !== node.name) throw new Error(`${kind.name}: reconciled ${result.reconciled.join(', ')}, expected ${node.name}`);
    const health = JSON.parse(cliRun(['local', 'status', '--json']));
    if (!health.healthy) throw new Error(`${kind.name}: cluster not healthy after reconcile: ${health.problems.join('; ')}`);
    runs.push({ node: node.name, reconcile: result.seconds, whole });
    console.error(`${kind.name}, run ${run} (${node.name}): rejoined ${result.seconds.toFixed(1)} s after reconcile began, ${whole.toFixed(1)} s after the destroy`);
  }
  results.push({ ...kind, runs });
}
cliRun(['local', 'down']);

const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
const rows = results.map(
  (result) =>
    `| ${result.name} | ${list(result.runs.map((r) => r.reconcile))} | **${median(result.runs.map((r) => r.reconcile)).toFixed(1)}** | ${list(result.runs.map((r) => r.whole))} | **${median(result.runs.map((r) => r.whole)).toFixed(1)}** |`,
);
writeResult(
  'reconcile.md',
  `# Re-creating a destroyed node on the local cluster

Each run destroys one node of a 3 ZooKeeper + 2 master + 2 worker local cluster (\`local node destroy\`: its
processes killed with no shutdown, its configuration, data and logs removed) and runs \`local reconcile\`,
which renders that node's configuration again with the Ansible roles (\`--limit\`) and starts it.
**Reconcile**: from the start of \`local reconcile\` to the node counted healthy again (a ZooKeeper server
synced at the leader, a master STANDBY, a worker ALIVE at the ALIVE master). **Whole**: from the destroy,
CLI start-up included. The cluster is checked healthy after each run.

Reproduce: \`node bench/reconcile.mjs ${repetitions}\`

${machineLine()}

| destroyed node | reconcile per run (s) | median | whole per run (s) | median |
|---|---|---:|---|---:|
${rows.join('\n')}

Goal: a destroyed master back as STANDBY within 60 s. On Azure, re-creating the VM itself (Terraform, the
image's boot) comes before this and is not measured here.
`,
);
