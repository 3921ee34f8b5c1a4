#!/usr/bin/env node
// Time from `spark-azure local up` to a healthy cluster (1 ZooKeeper leader with every follower synced,
// one ALIVE and one STANDBY master, every worker ALIVE at the leader), repeated, median reported.
// Usage: node bench/local-up.mjs [runs=5]   (needs the toolchain once: `npx spark-azure local up`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, median, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'dist', 'cli.cjs');
const runs = Number(process.argv[2] ?? 5);
const env = { ...process.env, SPARK_AZURE_LOCAL_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-local-up-')) };

const rows = [];
for (let run = 1; run <= runs; run++) {
  const started = performance.now();
  const description = JSON.parse(execFileSync('node', [cli, 'local', 'up', '--json'], { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  const wall = (performance.now() - started) / 1000;
  if (!description.healthy) throw new Error(`run ${run}: cluster not healthy: ${description.problems.join('; ')}`);
  rows.push({ run, healthy: description.secondsToHealthy, wall });
  execFileSync('node', [cli, 'local', 'down'], { env, stdio: 'ignore' });
  console.error(`run ${run}: healthy after ${description.secondsToHealthy.toFixed(1)} s (command ${wall.toFixed(1)} s)`);
}

const table = [
  '| run | start to healthy (s) | whole command (s) |',
  '|---:|---:|---:|',
  ...rows.map((row) => `| ${row.run} | ${row.healthy.toFixed(1)} | ${row.wall.toFixed(1)} |`),
  `| **median** | **${median(rows.map((r) => r.healthy)).toFixed(1)}** | **${median(rows.map((r) => r.wall)).toFixed(1)}** |`,
].join('\n');
writeResult(
  'local-up.md',
  `# Local cluster: \`local up\` to healthy

Default shape: 3 ZooKeeper servers, 2 masters, 2 workers. "Start to healthy" runs from the Ansible rendering
to the last health gate (toolchain already cached); "whole command" is the wall time of
\`spark-azure local up\`, Node start-up and the toolchain check included.

Reproduce: \`node bench/local-up.mjs ${runs}\`

${machineLine()}

${table}
`,
);
