// Bad and hostile inputs, every input of every action, through the built bundle as GitHub runs it and
// through the CLI. Each case ends one way: refused in one line naming the input, accepted (the run went on
// and failed, or passed, downstream), or a fault: a crash (stack trace), several error lines, a hang, a
// command run from an input. Runs in a network namespace of its own, so nothing can leave the machine.
// Usage: node bench/input-sweep.mjs   (root: it re-runs itself under `unshare --net`)
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { machineLine, writeResult } from './results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.SPARK_AZURE_SWEEP_ISOLATED) {
  execFileSync('unshare', ['--net', 'sh', '-c', `ip link set lo up && exec node ${JSON.stringify(fileURLToPath(import.meta.url))}`], {
    stdio: 'inherit',
    env: { ...process.env, SPARK_AZURE_SWEEP_ISOLATED: '1' },
  });
  process.exit(0);
}

const PWNED = path.join(os.tmpdir(), 'spark-azure-sweep-pwned');
const GENERIC = ['   ', 'a\nb', `$(touch ${PWNED})`, '--help'];
const NUMBER = ['abc', '-1', '1.5', '0', '1e99'];
const LIST = ['127.0.0.1:99999', ':', 'http://', 'a,,b'];
const SECRET = ['   ', 'a\nb'];

// Inputs that make each action stop soon after reading its inputs, on loopback only (nothing listens there).
const BASELINES = {
  'image-build': {},
  provision: { workingDirectory: 'terraform', command: 'plan', variables: 'image_id=/i/1', workerScaleSetLookup: 'false' },
  'rolling-update': {
    masters: '127.0.0.99:7077',
    zookeepers: '127.0.0.99:2181',
    zookeeperDir: '/spark',
    nodeAccess: 'ssh',
    sshUser: 'azureuser',
    updateMethod: 'command',
    updateCommand: 'true',
    lockWaitSeconds: '1',
    gateTimeoutSeconds: '5',
  },
  'smoke-test': { masters: '127.0.0.99:7077', aliveMasterTimeoutSeconds: '1', timeoutSeconds: '10' },
};

function valuesFor(name, spec) {
  if (/sshPrivateKey|gatewayPassword|kubeconfig/.test(name)) return SECRET;
  if (spec.default !== undefined && /^\d+$/.test(String(spec.default))) return [...GENERIC, ...NUMBER];
  if (/Seconds|Port|Ms|Workers|executors|maxUnavailable/.test(name)) return [...GENERIC, ...NUMBER];
  if (spec.default === 'true' || spec.default === 'false') return [...GENERIC, 'maybe'];
  if (/^(masters|zookeepers|workers)$/.test(name)) return [...GENERIC, ...LIST];
  return [...GENERIC, 'nope-∆'];
}

const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function run(door, action, inputs) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sweep-run-'));
  // Each run its own workspace (a user's checkout with a Terraform root), so no run sees another's files.
  const workspace = path.join(scratch, 'workspace');
  cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(workspace, 'terraform', 'main.tf'), { recursive: true });
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_)/.test(key)));
  let command;
  if (door === 'github') {
    for (const file of ['output', 'summary']) writeFileSync(path.join(scratch, file), '');
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: scratch,
      GITHUB_OUTPUT: path.join(scratch, 'output'),
      GITHUB_STEP_SUMMARY: path.join(scratch, 'summary'),
    });
    for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
    command = [path.join(ROOT, 'actions', action, 'index.cjs')];
  } else {
    command = [path.join(ROOT, 'dist', 'cli.cjs'), action, ...Object.entries(inputs).flatMap(([key, value]) => [`--${kebab(key)}`, value])];
  }
  const started = Date.now();
  const result = spawnSync('node', command, { env, cwd: door === 'cli' ? workspace : scratch, encoding: 'utf8', timeout: 90_000, killSignal: 'SIGKILL' });
  rmSync(scratch, { recursive: true, force: true });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

function classify(door, name, result) {
  const output = `${result.stdout}\n${result.stderr}`;
  const errors = output.split('\n').filter((line) => (door === 'github' ? line.startsWith('::error::') : line.startsWith('error:')));
  if (existsSync(PWNED)) {
    rmSync(PWNED);
    return ['fault: an input ran a command', errors[0] ?? ''];
  }
  if (result.error || result.status === null) return ['fault: hang (killed at 90 s)', ''];
  if (/^\s+at .+:\d+:\d+\)?$/m.test(output)) return ['fault: stack trace', errors[0] ?? ''];
  if (/failed unexpectedly/.test(output)) return ['fault: an unexpected error', errors[0] ?? ''];
  if (errors.length > 1) return ['fault: several error lines', errors.join(' | ')];
  const names = door === 'github' ? new RegExp(`Input '${name}'`) : new RegExp(`--${kebab(name)}\\b`);
  if (result.status !== 0 && errors.length === 1 && names.test(errors[0])) return ['refused, one line naming the input', errors[0]];
  if (result.status !== 0 && errors.length === 0 && /Usage:|--help/.test(output)) return ['refused: usage printed', ''];
  if (result.status !== 0 && errors.length === 0) return ['fault: non-zero exit without an error line', output.trim().split('\n').at(-1) ?? ''];
  return [result.status === 0 ? 'accepted, run passed' : 'accepted, stopped downstream', errors[0] ?? ''];
}

const rows = [];
// A baseline refused on some input would make every case built on it look accepted: all are checked first.
for (const action of Object.keys(BASELINES)) {
  for (const door of ['github', 'cli']) {
    const baseline = classify(door, '(baseline)', run(door, action, BASELINES[action]));
    if (/Input '|error: --/.test(baseline[1])) throw new Error(`The ${action} baseline is refused on ${door}: ${baseline[1]}`);
    rows.push({ door, action, input: '(baseline)', value: '', outcome: baseline[0], line: baseline[1] });
  }
}
for (const action of Object.keys(BASELINES)) {
  const specs = parse(readFileSync(path.join(ROOT, 'actions', action, 'action.yml'), 'utf8')).inputs;
  for (const door of ['github', 'cli']) {
    for (const [name, spec] of Object.entries(specs)) {
      for (const value of valuesFor(name, spec)) {
        // The CLI's parser takes '--help' after a flag as the flag's value only with '='; both are tried.
        const inputs = { ...BASELINES[action], [name]: value };
        const [outcome, line] = classify(door, name, run(door, action, inputs));
        rows.push({ door, action, input: name, value, outcome, line });
        process.stderr.write(`${door} ${action} ${name}=${JSON.stringify(value)}: ${outcome}\n`);
      }
    }
  }
}

const count = (filter) => rows.filter(filter).length;
const outcomes = [...new Set(rows.map((row) => row.outcome))].sort();
const table = outcomes.map(
  (outcome) => `| ${outcome} | ${count((row) => row.outcome === outcome && row.door === 'github')} | ${count((row) => row.outcome === outcome && row.door === 'cli')} |`,
);
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, '\\n').slice(0, 160);
const faults = rows.filter((row) => row.outcome.startsWith('fault'));
const accepted = rows.filter((row) => row.outcome.startsWith('accepted') && row.input !== '(baseline)');
mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
writeResult(
  'input-sweep.md',
  `# Bad and hostile inputs

${machineLine()}

Reproduce: \`node bench/input-sweep.mjs\` (root: it runs in a network namespace of its own). Every input of
the four actions, each with hostile values (whitespace only, an embedded newline, \`$(touch ...)\`, \`--help\`,
and by kind: non-numbers and out-of-range numbers, a non-boolean, malformed address lists, an unknown word)
on top of inputs that stop each action soon after it has read them. Through the built bundle as GitHub runs
it and through the CLI (\`--kebab-case\` flags): ${rows.length} runs.

| outcome | GitHub | CLI |
|---|---|---|
${table.join('\n')}

## Faults

${faults.length === 0 ? 'None.' : `| door | action | input | value | outcome | line |\n|---|---|---|---|---|---|\n${faults.map((row) => `| ${row.door} | ${row.action} | ${row.input} | \`${cell(JSON.stringify(row.value))}\` | ${row.outcome} | ${cell(row.line)} |`).join('\n')}`}

## Accepted (the value is taken as given; what stopped the run after)

| door | action | input | value | first error line |
|---|---|---|---|---|
${accepted.map((row) => `| ${row.door} | ${row.action} | ${row.input} | \`${cell(JSON.stringify(row.value))}\` | ${cell(row.line)} |`).join('\n')}
`,
);
