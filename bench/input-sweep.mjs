// Bad and hostile inputs, every input of every action, through the three doors: the built bundle as GitHub
// runs it, the installed Azure DevOps task as the agent runs it, and the CLI. Each run ends one way:
// refused in one line naming the input (or the variable, for environment trouble), accepted (the run went
// on), or a fault: an input ran a command, a secret leaked, the action acted before refusing, exit 0 after a
// failure, a crash (stack trace), several error lines, a hang.
//
// What "acted" means here, watched for every run: a tool started (ssh, az, kubectl, terraform, packer,
// ansible, spark-submit, java, python3, git, curl, helm are stand-ins of this bench on PATH, which record the
// call and stop), a connection to the cluster's addresses (listeners of this bench), an install (the tool
// cache is a path that cannot be created, so an install names it in its error), or a file written to the
// workspace. Runs in a network namespace of its own, so nothing can leave the machine.
// Usage: node bench/input-sweep.mjs   (root: it re-runs itself under `unshare --net`; needs `npm run build`)
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { installTask } from '../scripts/stage-extension.mjs';
import { machineLine, writeResult } from './results.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.SPARK_AZURE_SWEEP_ISOLATED) {
  execFileSync(
    'unshare',
    ['--net', 'sh', '-c', `ip link set lo up && exec node ${[fileURLToPath(import.meta.url), ...process.argv.slice(2)].map((word) => JSON.stringify(word)).join(' ')}`],
    {
      stdio: 'inherit',
      env: { ...process.env, SPARK_AZURE_SWEEP_ISOLATED: '1' },
    },
  );
  process.exit(0);
}

const BENCH = mkdtempSync(path.join(os.tmpdir(), 'input-sweep-'));
const PWNED = path.join(BENCH, 'pwned');
const SECRET = 'SWEEP7SECRET';
// `node bench/input-sweep.mjs smoke-test` sweeps one action (a quick look); the results file is for all four.
const ACTIONS = process.argv.length > 2 ? process.argv.slice(2) : ['image-build', 'provision', 'rolling-update', 'smoke-test'];
const PARALLEL = os.cpus().length;

// The hostile values every input gets: blank, a newline, shell substitutions, options for the tool behind it.
const GENERIC = ['   ', 'a\nb', `$(touch ${PWNED})`, `x;touch ${PWNED}`, '--help', `-oProxyCommand=touch ${PWNED}`];
const NUMBER = ['abc', '-1', '1.5', '0', '1e99'];
const LIST = ['127.0.0.1:99999', ':', 'http://', 'a,,b', '127.0.0.1:7077,127.0.0.1:7077'];
const KEY_LINES = ['-----BEGIN OPENSSH PRIVATE KEY-----', `${SECRET}key1`, `${SECRET}key2`, '-----END OPENSSH PRIVATE KEY-----'];

// Secret-bearing values, each with the sentinel: none may ever be printed unmasked, output, or left in a file.
const SECRET_VALUES = {
  sshPrivateKey: [KEY_LINES.join('\n')],
  clusterSecret: [`${SECRET}cluster`],
  gatewayPassword: [`${SECRET}gateway`],
  kubeconfig: [`apiVersion: v1\nusers:\n- name: ci\n  user:\n    token: ${SECRET}kube\n`],
  backendConfig: [`storage_account_name=stspark\naccess_key=${SECRET}backend`, `${SECRET}backendline`],
  roleVariables: [`datadog_api_key=${SECRET}role`, `zookeeper_heap_mb=512\n${SECRET}roleline`],
  variables: [`image_id=/i/1\nadmin_password=${SECRET}variable`],
  livyUrl: [`https://admin:${SECRET}livy@spark.azurehdinsight.net/livy`],
  alertmanagerUrl: [`https://ops:${SECRET}alerts@alerts.example.com`, `https://alerts.example.com/?token=${SECRET}query`],
};

// Addresses of the cluster each parallel lane points at: a listener records every connection to them.
const laneHost = (lane) => `127.0.0.${99 - lane}`;
const CLUSTER_PORTS = [22, 2181, 6066, 7077, 8080, 9093];

function baselines(host) {
  return {
    'image-build': {},
    provision: { workingDirectory: 'terraform', command: 'plan', variables: 'image_id=/i/1', workerScaleSetLookup: 'false' },
    'rolling-update': {
      masters: `${host}:7077`,
      zookeepers: `${host}:2181`,
      zookeeperDir: '/spark',
      nodeAccess: 'ssh',
      sshUser: 'azureuser',
      updateMethod: 'command',
      updateCommand: 'true',
      lockWaitSeconds: '1',
      gateTimeoutSeconds: '5',
    },
    'smoke-test': { masters: `${host}:7077`, aliveMasterTimeoutSeconds: '1', timeoutSeconds: '10' },
  };
}

// The smoke test's inputs of one target are tried on that target's baseline (another target refuses them).
const SMOKE_TARGET_OF = {
  ...Object.fromEntries(['hdinsightCluster', 'livyUrl', 'gatewayUser', 'gatewayPassword'].map((input) => [input, 'hdinsight'])),
  ...Object.fromEntries(['kubeconfig', 'namespace', 'sparkImage', 'serviceAccount', 'executors'].map((input) => [input, 'aks'])),
};
const targetBaseline = (target, host, input) =>
  target === 'aks'
    ? { target, kubeconfig: 'apiVersion: v1', timeoutSeconds: '10' }
    : {
        target,
        // hdinsightCluster and livyUrl are one or the other.
        ...(input === 'hdinsightCluster' ? {} : { livyUrl: `http://${host}:8080/livy` }),
        gatewayPassword: 'sweep-password',
        application: 'abfs://jobs@lake.dfs.core.windows.net/pi.py',
        timeoutSeconds: '10',
      };

function valuesFor(name, spec) {
  const kind =
    (spec.default !== undefined && /^\d+$/.test(String(spec.default))) || /Seconds|Port|Ms|Workers|executors|maxUnavailable|Count$/.test(name)
      ? NUMBER
      : spec.default === 'true' || spec.default === 'false'
        ? ['maybe']
        : /^(masters|zookeepers|workers)$/.test(name)
          ? LIST
          : ['nope-∆'];
  return [...GENERIC.map((value) => ['hostile', value]), ...kind.map((value) => ['kind', value]), ...(SECRET_VALUES[name] ?? []).map((value) => ['secret', value])];
}

const kebab = (name) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The bench's stand-ins for every tool an action may start: each records its call and stops. */
function writeShims() {
  const bin = path.join(BENCH, 'bin');
  mkdirSync(bin);
  for (const tool of [
    'ssh',
    'scp',
    'az',
    'kubectl',
    'terraform',
    'tofu',
    'packer',
    'ansible',
    'ansible-playbook',
    'spark-submit',
    'java',
    'python3',
    'git',
    'curl',
    'helm',
    'go',
  ]) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\necho ${tool} >> "$SWEEP_SHIM_LOG"\necho "input-sweep: ${tool} reached, stopped here" >&2\nexit 1\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
  return bin;
}

const connections = new Map();
async function listen(lanes) {
  for (let lane = 0; lane < lanes; lane += 1) {
    connections.set(laneHost(lane), 0);
    for (const port of CLUSTER_PORTS) {
      const server = net.createServer((socket) => {
        connections.set(laneHost(lane), connections.get(laneHost(lane)) + 1);
        socket.destroy();
      });
      await new Promise((resolve) => server.listen(port, laneHost(lane), resolve));
      server.unref();
    }
  }
}

const SHIMS = writeShims();
const TASKS = Object.fromEntries(ACTIONS.map((action) => [action, installTask(action, path.join(BENCH, 'agent'))]));

function filesIn(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true }).map((entry) => path.join(directory, entry));
}

/** One run of an action through a door; `environment` breaks one place the platform gives the run. */
async function run({ door, action, inputs, lane, environment }) {
  const scratch = mkdtempSync(path.join(BENCH, 'run-'));
  // Each run its own workspace (a user's checkout with a Terraform root), so no run sees another's files.
  const workspace = path.join(scratch, 'workspace');
  cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(workspace, 'terraform', 'main.tf'), { recursive: true });
  const before = new Set(filesIn(workspace));
  const temp = path.join(scratch, 'temp');
  mkdirSync(temp);
  // A tool cache that cannot be created (its parent is a file): any install attempt names it in its error.
  writeFileSync(path.join(scratch, 'file'), '');
  const toolCache = path.join(scratch, 'file', 'tool-cache');
  const shimLog = path.join(scratch, 'shims.log');
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_|AGENT_|SYSTEM_|BUILD_|SPARK_AZURE_)/.test(key))),
    PATH: `${SHIMS}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
    SPARK_AZURE_TOOLS_DIR: toolCache,
    SPARK_AZURE_LOCAL_DIR: path.join(scratch, 'local'),
    SWEEP_SHIM_LOG: shimLog,
  };
  const files = { output: path.join(scratch, 'output'), summary: path.join(scratch, 'summary') };
  let command;
  if (door === 'github') {
    for (const file of Object.values(files)) writeFileSync(file, '');
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      RUNNER_DEBUG: '1',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
    });
    for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
    command = [path.join(ROOT, 'actions', action, 'index.cjs')];
  } else if (door === 'azure-devops') {
    Object.assign(env, { SYSTEM_DEBUG: 'true', AGENT_TEMPDIRECTORY: temp, BUILD_SOURCESDIRECTORY: workspace, SYSTEM_DEFAULTWORKINGDIRECTORY: workspace });
    for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
    command = [path.join(TASKS[action], 'index.cjs')];
  } else {
    env.TMPDIR = temp;
    command = [path.join(ROOT, 'dist', 'cli.cjs'), action, '--summary-file', files.summary, ...Object.entries(inputs).flatMap(([key, value]) => [`--${kebab(key)}`, value])];
  }
  environment?.break(env, command, scratch);
  const connectionsBefore = connections.get(laneHost(lane));
  const started = Date.now();
  const result = await new Promise((resolve) => {
    const child = spawn('node', command, { env, cwd: door === 'cli' ? workspace : scratch });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
  const written = filesIn(workspace).filter((file) => !before.has(file) && statSync(file).isFile());
  const left = [...written, ...filesIn(temp).filter((file) => statSync(file).isFile())];
  const acted = [
    ...(existsSync(shimLog) ? [...new Set(readFileSync(shimLog, 'utf8').trim().split('\n'))].map((tool) => `started ${tool}`) : []),
    ...(connections.get(laneHost(lane)) > connectionsBefore ? ['connected to the cluster'] : []),
    ...(`${result.stdout}${result.stderr}`.includes(toolCache) ? ['began an install'] : []),
    ...written.map((file) => `wrote ${path.relative(workspace, file)}`),
  ];
  const leftText = left.map((file) => readFileSync(file, 'utf8')).join('\n');
  const outputs = ['output', 'summary'].map((file) => (existsSync(files[file]) && statSync(files[file]).isFile() ? readFileSync(files[file], 'utf8') : '')).join('\n');
  rmSync(scratch, { recursive: true, force: true });
  return { ...result, acted, leftText, outputs, seconds: (Date.now() - started) / 1000 };
}

const ERROR_LINE = {
  github: (line) => line.startsWith('::error::'),
  'azure-devops': (line) => line.startsWith('##vso[task.issue type=error'),
  cli: (line) => line.startsWith('error:'),
};
const MASK_LINE = { github: (line) => line.startsWith('::add-mask::'), 'azure-devops': (line) => line.startsWith('##vso[task.setsecret]'), cli: () => false };

/** Where a sentinel was seen unmasked: before its mask was registered (or at all, on the CLI), in outputs or files left. */
function leakOf(door, result) {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n');
  const masked = new Set();
  for (const line of lines) {
    if (MASK_LINE[door](line)) {
      masked.add(line.slice(line.indexOf(door === 'github' ? '::add-mask::' : ']') + (door === 'github' ? 12 : 1)));
      continue;
    }
    for (const match of line.matchAll(new RegExp(`${SECRET}\\w+`, 'g'))) {
      if (![...masked].some((secret) => secret.includes(match[0]))) return `printed: ${line.replaceAll(match[0], '<secret>').slice(0, 100)}`;
    }
  }
  if (result.outputs.includes(SECRET)) return 'in an output or the summary';
  if (result.leftText.includes(SECRET)) return 'in a file left behind';
  return undefined;
}

function classify({ door, name, label }, result) {
  const output = `${result.stdout}\n${result.stderr}`;
  const errors = output.split('\n').filter(ERROR_LINE[door]);
  const first = errors[0] ?? '';
  const failed = result.status !== 0 || /##vso\[task\.complete result=Failed/.test(output);
  if (existsSync(PWNED)) {
    rmSync(PWNED);
    return ['fault: an input ran a command', first];
  }
  if (result.signal) return ['fault: hang (killed at 90 s)', ''];
  const leak = leakOf(door, result);
  if (leak) return ['fault: a secret leaked', leak];
  if (/^\s+at .+:\d+:\d+\)?$/m.test(output)) return ['fault: stack trace', first];
  if (/failed unexpectedly|Unhandled/.test(output)) return ['fault: an unexpected error', first];
  if (errors.length > 0 && result.status === 0) return ['fault: exit 0 after a failure', first];
  if (errors.length > 1) return ['fault: several error lines', errors.join(' | ')];
  const names = label ?? (door === 'cli' ? new RegExp(`--${kebab(name)}\\b`) : new RegExp(`Input '${name}'`));
  if (failed && errors.length === 1 && names.test(first)) {
    return result.acted.length > 0 ? [`fault: acted before refusing`, `${result.acted.join(', ')}; then ${first}`] : ['refused, one line naming it', first];
  }
  if (failed && errors.length === 0 && /Usage:|--help/.test(output)) return ['refused: usage printed', ''];
  if (failed && errors.length === 0) return ['fault: failed without an error line', output.trim().split('\n').at(-1) ?? ''];
  const reached = result.acted.length > 0 ? result.acted.join(', ') : 'nothing';
  return [result.status === 0 ? 'accepted, run passed' : 'accepted, went on', `${reached}: ${first}`];
}

// The places a platform gives the run, each broken once per action and door: one line naming it, nothing run.
const missing = '/nonexistent-spark-azure/folder';
const ENVIRONMENTS = {
  github: [
    { name: 'RUNNER_TEMP missing', label: /RUNNER_TEMP/, break: (env) => (env.RUNNER_TEMP = missing) },
    { name: 'GITHUB_OUTPUT in a missing folder', label: /GITHUB_OUTPUT/, break: (env) => (env.GITHUB_OUTPUT = `${missing}/output`) },
    { name: 'GITHUB_STEP_SUMMARY a directory', label: /GITHUB_STEP_SUMMARY/, break: (env, _, scratch) => (env.GITHUB_STEP_SUMMARY = scratch) },
  ],
  'azure-devops': [{ name: 'Agent.TempDirectory missing', label: /Agent\.TempDirectory/, break: (env) => (env.AGENT_TEMPDIRECTORY = missing) }],
  cli: [
    { name: 'TMPDIR missing', label: /TMPDIR/, break: (env) => (env.TMPDIR = missing) },
    {
      name: '--summary-file in a missing folder',
      label: /--summary-file/,
      break: (_, command) => (command[command.indexOf('--summary-file') + 1] = `${missing}/summary.md`),
    },
  ],
};

const cases = [];
for (const action of ACTIONS) {
  const specs = parse(readFileSync(path.join(ROOT, 'actions', action, 'action.yml'), 'utf8')).inputs;
  for (const door of ['github', 'azure-devops', 'cli']) {
    cases.push({ door, action, name: '(baseline)', value: '', kind: 'baseline' });
    for (const environment of ENVIRONMENTS[door]) cases.push({ door, action, name: environment.name, value: '', kind: 'environment', environment, label: environment.label });
    for (const [name, spec] of Object.entries(specs)) {
      for (const [kind, value] of valuesFor(name, spec)) {
        // Azure DevOps reads inputs through the same reader as GitHub: the hostile and secret values only.
        if (door === 'azure-devops' && kind === 'kind') continue;
        cases.push({ door, action, name, value, kind });
      }
    }
  }
}

await listen(PARALLEL);
const rows = [];
let next = 0;
async function lane(index) {
  while (next < cases.length) {
    const item = cases[next++];
    const host = laneHost(index);
    const target = item.action === 'smoke-test' ? SMOKE_TARGET_OF[item.name] : undefined;
    const base = target ? targetBaseline(target, host, item.name) : baselines(host)[item.action];
    const inputs = item.kind === 'baseline' || item.kind === 'environment' ? base : { ...base, [item.name]: item.value };
    const result = await run({ door: item.door, action: item.action, inputs, lane: index, environment: item.environment });
    const [outcome, line] = classify(item, result);
    rows.push({ ...item, outcome, line, seconds: result.seconds });
    process.stderr.write(`${rows.length}/${cases.length} ${item.door} ${item.action} ${item.name}=${JSON.stringify(item.value).slice(0, 40)}: ${outcome}\n`);
  }
}
const started = Date.now();
await Promise.all([...Array(PARALLEL).keys()].map(lane));
const minutes = ((Date.now() - started) / 60_000).toFixed(0);

// A baseline refused on some input would make every case built on it look accepted.
for (const row of rows.filter((row) => row.kind === 'baseline')) {
  if (row.outcome.startsWith('refused') || row.outcome.startsWith('fault')) throw new Error(`The ${row.action} baseline ends ${row.outcome} on ${row.door}: ${row.line}`);
}

const DOORS = ['github', 'azure-devops', 'cli'];
const count = (filter) => rows.filter(filter).length;
const outcomes = [...new Set(rows.map((row) => row.outcome))].sort();
const table = outcomes.map((outcome) => `| ${outcome} | ${DOORS.map((door) => count((row) => row.outcome === outcome && row.door === door)).join(' | ')} |`);
const KINDS = ['hostile', 'kind', 'secret', 'environment'];
const byKind = KINDS.map(
  (kind) =>
    `| ${kind} | ${count((row) => row.kind === kind)} | ${count((row) => row.kind === kind && row.outcome.startsWith('refused'))} | ${count((row) => row.kind === kind && row.outcome.startsWith('accepted'))} | ${count((row) => row.kind === kind && row.outcome.startsWith('fault'))} |`,
);
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, '\\n').slice(0, 160);
const faults = rows.filter((row) => row.outcome.startsWith('fault'));
const accepted = rows.filter((row) => row.outcome.startsWith('accepted') && row.kind === 'hostile');
// Free text by design: passed as one argument (never through a shell on this side) or as a secret's bytes.
const FREE_TEXT = {
  updateCommand: "the command's arguments after its program (the command runs in the node's shell, as the user wrote it)",
  arguments: "the application's arguments (spark-submit gets each as one argument)",
  expectedOutput: 'a text the job must print',
  gatewayPassword: "the gateway's password (any bytes, sent as basic authentication)",
  sparkConf: 'Spark configuration values',
};
// A blank value is no value on every door (platforms pass unset inputs as empty): the default applies.
const takenAsGiven = [...new Set(accepted.filter((row) => row.value.trim() !== '').map((row) => row.name))].sort();
const unexplained = takenAsGiven.filter((name) => !FREE_TEXT[name]);
const tally = (fault) => count((row) => row.outcome === fault);
writeResult(
  process.argv.length > 2 ? `input-sweep-${process.argv.slice(2).join('-')}.md` : 'input-sweep.md',
  `# Bad and hostile inputs

${machineLine()}

Reproduce: \`node bench/input-sweep.mjs\` (root: it runs in a network namespace of its own; ${minutes} minutes
here, ${PARALLEL} runs at a time). Every input of the four actions through the three doors: the bundle as
GitHub runs it (with step debug on), the installed Azure DevOps task (System.Debug on) and the CLI
(\`--kebab-case\` flags). ${rows.length} runs. Each input gets hostile values (blank, a newline, \`$(touch ...)\`,
\`;touch ...\`, \`--help\`, \`-oProxyCommand=touch ...\`), values wrong for its kind (numbers, booleans, address
lists, an unknown word; GitHub and CLI) and, where it can carry one, a secret with a sentinel; each action
and door also runs with each place the platform gives it broken (temp, outputs, summary).

Watched in every run: a command run from an input; a sentinel printed before it was masked (anywhere, on
the CLI), in an output, the summary or a file left behind; a tool started (the bench's stand-ins for ssh,
az, kubectl, terraform, packer, ansible, spark-submit, java, python3, git, curl, helm record the call and
stop); a connection to the cluster's addresses; an install begun; a file written into the workspace.

| | |
|---|---|
| crashes (stack traces, unexpected errors) | ${tally('fault: stack trace') + tally('fault: an unexpected error')} |
| secrets leaked | ${tally('fault: a secret leaked')} |
| exit 0 after a failure | ${tally('fault: exit 0 after a failure')} |
| acted before refusing | ${tally('fault: acted before refusing')} |
| commands run from an input | ${tally('fault: an input ran a command')} |
| all faults | ${faults.length} |

| outcome | GitHub | Azure DevOps | CLI |
|---|---|---|---|
${table.join('\n')}

| values | runs | refused | accepted | faults |
|---|---|---|---|---|
${byKind.join('\n')}

## Faults

${faults.length === 0 ? 'None.' : `| door | action | input | value | outcome | line |\n|---|---|---|---|---|---|\n${faults.map((row) => `| ${row.door} | ${row.action} | ${row.name} | \`${cell(JSON.stringify(row.value))}\` | ${row.outcome} | ${cell(row.line)} |`).join('\n')}`}

## Hostile values accepted (taken as given: what the run reached next)

A blank value is no value on every door (the platforms pass inputs left out as empty), so the default
applies. Inputs that took a non-blank hostile value: ${takenAsGiven.map((name) => `\`${name}\``).join(', ') || 'none'}.
${takenAsGiven
  .filter((name) => FREE_TEXT[name])
  .map((name) => `- \`${name}\`: free text by design, ${FREE_TEXT[name]}.`)
  .join('\n')}
${unexplained.length ? `\n**Not free text, to look at:** ${unexplained.map((name) => `\`${name}\``).join(', ')}.\n` : ''}

| door | action | input | value | reached: first error line |
|---|---|---|---|---|
${accepted.map((row) => `| ${row.door} | ${row.action} | ${row.name} | \`${cell(JSON.stringify(row.value))}\` | ${cell(row.line)} |`).join('\n')}
`,
);
rmSync(BENCH, { recursive: true, force: true });
