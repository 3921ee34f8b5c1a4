import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A test harness stand-in for kubectl (no Kubernetes API server runs here): a `kubectl` on PATH that
 * answers `apply -f`, `get sparkapplication ... --output json` (the next of the given statuses each time)
 * and `logs`, and records every call with the kubeconfig it was given. It exercises spark-azure's AKS
 * orchestration only; the manifest itself is checked against the operator's real CRD elsewhere.
 */
export interface KubectlStandIn {
  /** Put first on PATH. */
  readonly bin: string;
  calls(): { args: string[]; kubeconfig: string; kubeconfigMode: number; manifest?: unknown }[];
}

export function kubectlStandIn(statuses: unknown[], driverLog: string): KubectlStandIn {
  const home = mkdtempSync(path.join(os.tmpdir(), 'kubectl-stand-in-'));
  const bin = path.join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(home, 'statuses.json'), JSON.stringify(statuses));
  writeFileSync(path.join(home, 'driver.log'), driverLog);
  writeFileSync(path.join(home, 'calls.jsonl'), '');
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
const path = require('node:path');
const home = ${JSON.stringify(home)};
const args = process.argv.slice(2);
// Flags as kubectl's parser takes them: --name=value or --name value.
const option = (name) => { const joined = args.find((arg) => arg.startsWith(name + '=')); return joined ? joined.slice(name.length + 1) : args[args.indexOf(name) + 1]; };
const kubeconfig = option('--kubeconfig');
const call = { args, kubeconfig: fs.readFileSync(kubeconfig, 'utf8'), kubeconfigMode: fs.statSync(kubeconfig).mode & 0o777 };
if (args.includes('apply')) call.manifest = JSON.parse(fs.readFileSync(option('--filename'), 'utf8'));
fs.appendFileSync(path.join(home, 'calls.jsonl'), JSON.stringify(call) + '\\n');
if (args.includes('apply')) {
  console.log('sparkapplication.sparkoperator.k8s.io/' + call.manifest.metadata.name + ' created');
} else if (args.includes('get')) {
  const statuses = JSON.parse(fs.readFileSync(path.join(home, 'statuses.json'), 'utf8'));
  const gets = fs.readFileSync(path.join(home, 'calls.jsonl'), 'utf8').split('\\n').filter((line) => line.includes('"get"')).length;
  const status = statuses[Math.min(gets - 1, statuses.length - 1)];
  console.log(JSON.stringify({ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', metadata: { name: args.at(-1) }, ...(status ? { status } : {}) }));
} else if (args.includes('logs')) {
  process.stdout.write(fs.readFileSync(path.join(home, 'driver.log'), 'utf8'));
} else {
  console.error('kubectl stand-in: unexpected call ' + args.join(' '));
  process.exit(1);
}
`;
  writeFileSync(path.join(bin, 'kubectl'), script);
  chmodSync(path.join(bin, 'kubectl'), 0o755);
  return {
    bin,
    calls: () =>
      readFileSync(path.join(home, 'calls.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}
