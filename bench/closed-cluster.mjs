// What closing the cluster costs: the smoke job's duration and the failover figures (hard kill, crash,
// planned handover) on the local cluster run open (spark_authenticate=false, drivers without a secret) and
// closed (the default: authenticated, AES-GCM encrypted RPC, encrypted shuffle and spill files), in one run.
// Usage: node bench/closed-cluster.mjs [smoke repetitions, default 3] [drill repetitions per fault, default 2]
// (needs `npm run build` first; takes about 20 minutes on 2 cores).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandOutputs, machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const smokeRepetitions = Number(process.argv[2] ?? 3);
const drillRepetitions = Number(process.argv[3] ?? 2);
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-closed-')) };
const masters = '127.0.0.21:7077,127.0.0.22:7077';
const FAULTS = ['kill', 'crash', 'stop'];

const clusters = [
  { name: 'open', roleVariables: ['spark_authenticate=false'], smokeVariants: [{ name: 'open', sparkConf: [] }] },
  {
    name: 'closed',
    roleVariables: [],
    smokeVariants: [
      { name: 'closed (RPC authenticated and encrypted, shuffle and spill encrypted)', sparkConf: [] },
      { name: 'closed, without shuffle and spill encryption', sparkConf: ['--spark-conf', 'spark.io.encryption.enabled=false'] },
    ],
  },
];

const cliRun = (args) => execFileSync('node', [cli, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
const smokeRows = [];
const drillRows = [];
for (const cluster of clusters) {
  cliRun(['local', 'down']);
  cliRun(['local', 'up', '--json', ...cluster.roleVariables.flatMap((setting) => ['--role-variable', setting])]);
  // One job first: the driver's and the workers' first JVM start and Python imports are not the cost measured.
  cliRun(['smoke-test', '--masters', masters]);
  for (const variant of cluster.smokeVariants) {
    const seconds = [];
    for (let run = 1; run <= smokeRepetitions; run++) {
      seconds.push(Number(commandOutputs(cliRun(['smoke-test', '--masters', masters, ...variant.sparkConf])).durationSeconds));
      console.error(`smoke test, ${variant.name}, run ${run}: ${seconds.at(-1)} s`);
    }
    smokeRows.push({ name: variant.name, seconds });
  }
  for (const fault of FAULTS) {
    const recovery = [];
    for (let run = 1; run <= drillRepetitions; run++) {
      const outputs = commandOutputs(cliRun(['failover-drill', '--fault', fault, '--job-seconds', '30', '--max-recovery-seconds', '600', '--grace-seconds', '2']));
      const journal = JSON.parse(readFileSync(outputs.drillJournal, 'utf8'));
      if (!journal.verdict.passed) throw new Error(`${cluster.name} ${fault}, run ${run}: ${journal.verdict.reasons.join('; ')}`);
      recovery.push(journal.verdict.figures.recoverySeconds);
      console.error(`drill ${fault}, ${cluster.name}, run ${run}: recovery ${recovery.at(-1)} s`);
    }
    drillRows.push({ cluster: cluster.name, fault, recovery });
  }
}
cliRun(['local', 'down']);

const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
const openSmoke = median(smokeRows[0].seconds);
writeResult(
  'closed-cluster.md',
  `# What closing the cluster costs

The local cluster (3 ZooKeeper + 2 masters + 2 workers) run open (\`spark_authenticate=false\`: neither
Spark nor ZooKeeper authenticates, drivers without a secret) and then closed (the default: Spark's RPC
authenticated with the cluster secret and AES-GCM encrypted, the drivers' shuffle and spill files encrypted,
ZooKeeper sessions authenticated with the cluster's nodes behind ACLs, and the servers' quorum links
authenticated), one after the other in one run. **Smoke job**: the
smoke test's spark-submit of Spark's Pi (10 partitions), from start to exit, after one warm-up job on each
cluster. **Recovery**: the failover drill's time from the fault to a new ALIVE master with every worker.

Reproduce: \`npm run build && node bench/closed-cluster.mjs ${smokeRepetitions} ${drillRepetitions}\`

${machineLine()}

| smoke job | per run (s) | median (s) | against open |
|---|---|---:|---:|
${smokeRows.map((row) => `| ${row.name} | ${list(row.seconds)} | **${median(row.seconds).toFixed(1)}** | ${(((median(row.seconds) - openSmoke) / openSmoke) * 100).toFixed(0)} % |`).join('\n')}

| fault | open: recovery per run (s) | median | closed: recovery per run (s) | median |
|---|---|---:|---|---:|
${FAULTS.map((fault) => {
  const [open, closed] = ['open', 'closed'].map((name) => drillRows.find((row) => row.cluster === name && row.fault === fault).recovery);
  return `| ${fault} | ${list(open)} | **${median(open).toFixed(1)}** | ${list(closed)} | **${median(closed).toFixed(1)}** |`;
}).join('\n')}

Spark's Pi shuffles almost nothing, so the encryption of shuffle and spill files is not really exercised
here: measure a shuffle-heavy job before relying on that row.

Goal: failover unchanged within noise, the job within 10 % of open. What each fault is: [failover.md](failover.md).
`,
);
