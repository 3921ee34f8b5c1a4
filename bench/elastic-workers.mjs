#!/usr/bin/env node
// Elastic workers on the local cluster, booted the way Azure boots a scale-set instance: a new worker's boot
// from its custom data (render, write_files, spark-azure-boot) to ALIVE at the ALIVE master; the scale
// drill's scale-out (2 → 4, to the new workers running executors of a job) and scale-in (4 → 2, each
// leaving worker decommissioned first) with that job running; an idle worker's scale-in.
// Usage: node bench/elastic-workers.mjs [repetitions=3]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandOutputs, machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const repetitions = Number(process.argv[2] ?? 3);
const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'bench-elastic-workers-'));
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: clusterDir };
const cliRun = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();

cliRun(['local', 'down']);
cliRun(['local', 'up', '--json']);
const runs = [];
for (let run = 1; run <= repetitions; run++) {
  const out = JSON.parse(cliRun(['local', 'scale', '--worker-count', '3', '--json']));
  const booted = JSON.parse(readFileSync(path.join(clusterDir, 'nodes', 'worker3', 'var', 'lib', 'spark-azure', 'booted.json'), 'utf8'));
  const idleIn = JSON.parse(cliRun(['local', 'scale', '--worker-count', '2', '--json']));
  const outputs = commandOutputs(cliRun(['failover-drill', '--fault', 'scale', '--job-seconds', '10']));
  if (outputs.failoverPassed !== 'true' || outputs.failedTasks !== '0') throw new Error(`run ${run}: the scale drill failed (${outputs.drillJournal})`);
  runs.push({ boot: booted.seconds, alive: out.seconds, scaleOut: Number(outputs.scaleOutSeconds), scaleIn: Number(outputs.scaleInSeconds), idleIn: idleIn.seconds });
  console.error(`run ${run}: ${JSON.stringify(runs.at(-1))}`);
}
cliRun(['local', 'down']);

const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
const row = (name, key) => `| ${name} | ${list(runs.map((r) => r[key]))} | **${median(runs.map((r) => r[key])).toFixed(1)}** |`;
writeResult(
  'elastic-workers.md',
  `# Elastic workers on the local cluster

A 3 ZooKeeper + 2 master + 2 worker local cluster whose nodes boot as Azure VMs do (docs/self-healing.md,
"How a node joins"). Each run:

- \`local scale --worker-count 3\`: a third worker boots from the workers' one custom data (the real
  node-boot module rendered, write_files applied, spark-azure-boot runs the roles), starts, and is waited
  for until the ALIVE master has it ALIVE. **Boot**: spark-azure-boot's own run (its \`booted.json\`);
  **boot to ALIVE**: from the start of the boot to ALIVE at the ALIVE master.
- \`local scale --worker-count 2\`: that worker, idle, decommissioned and gone.
- \`failover-drill --fault scale\`: with a job running, 2 → 4 workers (**scale-out**: to the new workers
  running the job's executors, from its REST API) and back (**scale-in under a job**: each leaving worker
  decommissioned, its executors finishing their tasks); the job finishes with 0 failed tasks (every run did).

Reproduce: \`node bench/elastic-workers.mjs ${repetitions}\`

${machineLine()}

| figure | per run (s) | median |
|---|---|---:|
${row('boot (spark-azure-boot, one worker)', 'boot')}
${row('boot start to ALIVE at the ALIVE master', 'alive')}
${row('scale-out 2 → 4 to executors on the new workers', 'scaleOut')}
${row('scale-in 4 → 2 under a job (decommission)', 'scaleIn')}
${row('scale-in of an idle worker', 'idleIn')}

On Azure a new instance adds the VM's creation and its first boot (minutes), and a scale-in the Terminate
notice; neither can be measured here.
`,
);
