import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ROOT, runAzureDevOpsTask, runGithubAction } from '../support/run-bundle.js';

// Hostile input through each door (the GitHub bundle, the installed Azure DevOps task, the CLI): the whole
// refusal asserted, and that nothing ran: no tool started (stand-ins of this test on PATH record any call),
// no install (an empty tool cache stays empty), no command from the value (its marker file never appears).

interface Door {
  readonly name: string;
  run(action: string, inputs: Record<string, string>, env: NodeJS.ProcessEnv): Promise<{ exitCode: number | null; stdout: string; stderr: string }>;
  /** The one error line of a refused run, as the door prints it. */
  errorLine(output: string): string[];
  label(input: string): string;
  /** How the door registers a secret with the platform's masker (the CLI masks by itself: never). */
  readonly maskPrefix?: string;
}

/** Lines that show `secret` where the platform would not mask it: before its registration, or ever on the CLI. */
function unmasked(door: Door, output: string, secret: string): string[] {
  const lines = output.split('\n');
  const registered = door.maskPrefix ? lines.findIndex((line) => line.startsWith(`${door.maskPrefix}${secret}`)) : -1;
  return lines.filter((line, index) => line.includes(secret) && (registered < 0 || index < registered));
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
const DOORS: Door[] = [
  {
    name: 'GitHub',
    run: (action, inputs, env) => runGithubAction(action, inputs, env),
    errorLine: (output) => output.split('\n').filter((line) => line.startsWith('::error::')),
    label: (input) => `Input '${input}'`,
    maskPrefix: '::add-mask::',
  },
  {
    name: 'Azure DevOps',
    run: (action, inputs, env) => runAzureDevOpsTask(action, inputs, env),
    errorLine: (output) => output.split('\n').filter((line) => line.startsWith('##vso[task.complete result=Failed')),
    label: (input) => `Input '${input}'`,
    maskPrefix: '##vso[task.setsecret]',
  },
  {
    name: 'CLI',
    run: async (action, inputs, env) => {
      const args = Object.entries(inputs).flatMap(([key, value]) => [`--${kebab(key)}`, value]);
      return $({ cwd: mkdtempSync(path.join(os.tmpdir(), 'cli-cwd-')), env: { ...process.env, ...env }, nothrow: true, quiet: true })`node ${ROOT}/dist/cli.cjs ${action} ${args}`;
    },
    errorLine: (output) => output.split('\n').filter((line) => line.startsWith('error:')),
    label: (input) => `--${kebab(input)}`,
  },
];

/** A PATH whose ssh, az, kubectl, terraform, packer and ansible-playbook record that they were started. */
function recordingPath() {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'recording-path-'));
  const log = path.join(bin, 'started.log');
  for (const tool of ['ssh', 'az', 'kubectl', 'terraform', 'packer', 'ansible-playbook']) {
    writeFileSync(path.join(bin, tool), `#!/bin/sh\necho ${tool} >> ${log}\nexit 1\n`);
    chmodSync(path.join(bin, tool), 0o755);
  }
  return { PATH: `${bin}:${process.env.PATH}`, started: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) };
}

function watched() {
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'hostile-')), 'ran');
  const toolCache = mkdtempSync(path.join(os.tmpdir(), 'hostile-cache-'));
  const recording = recordingPath();
  return {
    marker,
    env: { PATH: recording.PATH, SPARK_AZURE_TOOLS_DIR: toolCache },
    nothingRan: () => ({ ran: existsSync(marker), started: recording.started(), installed: readdirSync(toolCache) }),
  };
}

const ROLL = {
  masters: '10.0.2.4:7077,10.0.2.5:7077',
  zookeepers: '10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181',
  nodeAccess: 'ssh',
  zookeeperDir: '/spark-azure/prod',
  updateMethod: 'command',
  updateCommand: './roll.sh',
};

describe.each(DOORS)('hostile input through the $name door', (door) => {
  it.each([
    ['sshUser', (marker: string) => `-oProxyCommand=touch ${marker}`, 'a user name (letters, digits, . _ -; not starting with -)', 'azureuser'],
    ['sshJumpHost', (marker: string) => `bastion -oProxyCommand=touch ${marker}`, '[user@]host[:port], a host name or address', 'azureuser@10.0.0.4'],
    [
      'zookeeperDir',
      (marker: string) => `/spark\n$(touch ${marker})`,
      "an absolute ZooKeeper path of names (letters, digits, . _ -), such as provision's zookeeperDir",
      '/spark-azure/spark-prod',
    ],
  ])('%s: one refusal naming it, nothing run', async (input, value, expected, example) => {
    const watch = watched();
    const hostile = value(watch.marker);
    const run = await door.run('rolling-update', { sshUser: 'azureuser', ...ROLL, [input]: hostile }, watch.env);
    expect(run.exitCode).toBe(1);
    const shown = JSON.stringify(hostile);
    const errors = door.errorLine(run.stdout + run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${door.label(input)}: expected ${expected}, found ${shown}. Set ${door.label(input).replace(/^Input /, '')} to such a name, e.g. ${example}.`);
    expect(watch.nothingRan()).toEqual({ ran: false, started: [], installed: [] });
  });

  // Checked before the minutes of work they would otherwise come after: Packer built from source, Ansible installed.
  it.each([
    [
      'image-build',
      { template: `${ROOT}/infra/packer` },
      'template',
      `expected a Packer template file (*.pkr.hcl or *.pkr.json) in the workspace with a build block, found "${ROOT}/infra/packer", which is not a file.`,
    ],
    [
      'rolling-update',
      { sshUser: 'azureuser', ...ROLL, updateMethod: 'ansible', updateCommand: '', ansibleInventory: '/nonexistent/hosts.yml' },
      'ansibleInventory',
      'expected the Ansible inventory of the cluster, a file in the workspace, found "/nonexistent/hosts.yml", which does not exist.',
    ],
  ])('%s: a missing file refused before anything is installed', async (action, inputs, input, message) => {
    const watch = watched();
    const run = await door.run(action, inputs, watch.env);
    expect(run.exitCode).toBe(1);
    const errors = door.errorLine(run.stdout + run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${door.label(input)}: ${message}`);
    expect(watch.nothingRan()).toEqual({ ran: false, started: [], installed: [] });
  });

  it('backendConfig: a line that may be an access key is named by number, never shown, nothing run', async () => {
    const watch = watched();
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'hostile-workspace-'));
    mkdirSync(path.join(workspace, 'terraform'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(workspace, 'terraform', 'main.tf'));
    const secret = 'Zm9vYmFyLWFjY2Vzcy1rZXktOTkx==';
    const inputs = {
      workingDirectory: path.join(workspace, 'terraform'),
      command: 'plan',
      variables: 'image_id=/i/1',
      workerScaleSetLookup: 'false',
      backendConfig: `container_name=tfstate\n${secret}`,
    };
    const run = await door.run('provision', inputs, { ...watch.env, GITHUB_WORKSPACE: workspace, BUILD_SOURCESDIRECTORY: workspace });
    expect(run.exitCode).toBe(1);
    const errors = door.errorLine(run.stdout + run.stderr);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      new RegExp(`${door.label('backendConfig')}: expected .*, found line 2, not name=value with a backend setting's name \\(not shown: it may hold a secret\\)`),
    );
    // task-lib logs every input it reads (System.Debug): the line is registered with the masker first.
    expect(unmasked(door, `${run.stdout}\n${run.stderr}`, secret)).toEqual([]);
    expect(watch.nothingRan()).toEqual({ ran: false, started: [], installed: [] });
  });
});
