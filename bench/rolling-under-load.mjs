// The rolling-update integration test, run again and again beside processes that keep every core busy:
// the roll under a long job once failed under load (a job of fixed length ended before the roll did).
// Usage: node bench/rolling-under-load.mjs [runs, default 5]  (needs `npm run build`; about 5 minutes a run
// on 2 cores; runs the local cluster on the suite's loopback addresses, so nothing else may use them meanwhile).
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machineLine, writeResult } from './results.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 5);
// One busy loop per core, at normal priority: the test's processes compete for every core.
const burners = os.cpus().map(() => spawn('node', ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const rows = [];
try {
  for (let run = 1; run <= runs; run += 1) {
    const started = Date.now();
    const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', 'test/integration/rolling-update.test.ts'], { cwd: root, encoding: 'utf8' });
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const output = `${result.stdout}\n${result.stderr}`;
    const failed = output.split('\n').filter((line) => /✗|×|FAIL|AssertionError/.test(line));
    // A failed run's whole output, to read why (the table keeps its first lines).
    if (result.status !== 0) writeFileSync(path.join(os.tmpdir(), `rolling-under-load-${run}.log`), output);
    rows.push(`| ${run} | ${result.status === 0 ? 'passed' : 'failed'} | ${seconds} | ${failed.slice(0, 3).join(' / ').replace(/\|/g, '\\|')} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
} finally {
  for (const burner of burners) burner.kill('SIGKILL');
}

writeResult(
  'rolling-under-load.md',
  `# The rolling-update test beside busy cores

${machineLine()}

Reproduce: \`node bench/rolling-under-load.mjs ${runs}\`. \`test/integration/rolling-update.test.ts\` (a full roll
of 3 ZooKeeper servers, 2 masters and 2 workers under sequenced writes and a long job, then the other roll
tests of the file) run ${runs} times in a row while ${os.cpus().length} busy loops (one per core, normal
priority) keep every core at 100 %.

| run | outcome | seconds | failure |
|---|---|---|---|
${rows.join('\n')}
`,
);
