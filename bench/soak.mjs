#!/usr/bin/env node
// Soak: the main job, `spark-azure local verify --down`, run again and again on a fresh cluster each time,
// the later runs beside a CPU hog (one busy process per core), as a weekly chaos job runs on busy runners.
// Every run must pass and end on its own; each is bounded (verify's own time limit, and 45 min here).
//
//   node bench/soak.mjs [runs] [loaded runs]      (defaults: 10 runs, the last 5 of them loaded)
//
// Writes bench/results/soak.md.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 10);
const loadedRuns = Number(process.argv[3] ?? 5);
const RUN_LIMIT_MS = 45 * 60_000;

function hog() {
  return Array.from({ length: os.cpus().length }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

function verify() {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.cjs'), 'local', 'verify', '--down'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const limit = setTimeout(() => child.kill('SIGINT'), RUN_LIMIT_MS);
    child.on('close', (code) => {
      clearTimeout(limit);
      const row = (check) =>
        output
          .split('\n')
          .find((line) => line.startsWith(check))
          ?.replace(/\s{2,}/g, ': ') ?? '-';
      resolve({
        code,
        seconds: (Date.now() - started) / 1000,
        kill: row('failover drill (kill)'),
        stop: row('failover drill (stop)'),
        roll: row('rolling update'),
        tail: output.trim().split('\n').slice(-3).join(' / '),
      });
    });
  });
}

const rows = [];
/** Written after every run, so that an interrupted soak still leaves what it measured. */
function report() {
  const passed = rows.filter((row) => row.code === 0).length;
  writeResult(
    'soak.md',
    `# Soak: the main job, run after run

${machineLine()}

Reproduce: \`node bench/soak.mjs ${runs} ${loadedRuns}\` (each run: \`npx spark-azure local verify --down\` on a fresh
cluster; the last ${loadedRuns} beside a busy process per core).

**${passed} of ${rows.length} runs passed** (${runs} planned), every one ending on its own.

| run | CPU hog | exit | seconds | kill drill | planned handover | rolling update |
|---|---|---|---|---|---|---|
${rows.map((row) => `| ${row.run} | ${row.loaded ? 'yes' : 'no'} | ${row.code} | ${row.seconds.toFixed(0)} | ${row.kill} | ${row.stop} | ${row.roll} |`).join('\n')}
`,
  );
  return passed;
}

for (let run = 1; run <= runs; run++) {
  const loaded = run > runs - loadedRuns;
  const hogs = loaded ? hog() : [];
  const result = await verify();
  for (const process of hogs) process.kill('SIGKILL');
  rows.push({ run, loaded, ...result });
  console.error(`run ${run}${loaded ? ' (loaded)' : ''}: exit ${result.code} in ${result.seconds.toFixed(0)} s`);
  report();
}
process.exitCode = report() === runs ? 0 : 1;
