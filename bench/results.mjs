// Shared by the benchmarks: where results go and what machine they came from.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function machineLine() {
  const java = execSync('java -version 2>&1').toString().split('\n')[0];
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${java}.`;
}

export function writeResult(file, markdown) {
  const target = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results', file);
  writeFileSync(target, markdown);
  console.log(markdown);
}

/** The name=value lines an action command prints (its outputs) as an object. */
export function commandOutputs(stdout) {
  return Object.fromEntries(
    stdout
      .trim()
      .split('\n')
      .map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
}
