import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linesHoldingSecrets, ROOT, runAzureDevOpsTask, runGithubAction, type BundleRun } from '../support/run-bundle.js';

// A sentinel private key, several lines like a real one, given to the actions' secret input.
const KEY_LINES = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'c2VudGluZWwtbGluZS1vbmUtOWYzYWMx', 'c2VudGluZWwtbGluZS10d28tNzdiMTQy', '-----END OPENSSH PRIVATE KEY-----'];
// A role variable may hold a secret too (an API key for an agent the roles install).
const ROLE_SECRET = 'c2VudGluZWwtcm9sZS12YXJpYWJsZS0zZDhl';
const SENTINELS = [...KEY_LINES.slice(1, 3), ROLE_SECRET];

/** Every process's command line, read every 20 ms while `run` goes on: where a secret must never appear. */
async function watchingArguments<T>(run: () => Promise<T>): Promise<{ result: T; seen: string[] }> {
  const seen = new Set<string>();
  let running = true;
  const watcher = (async () => {
    while (running) {
      for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
        try {
          const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
          if (SENTINELS.some((sentinel) => command.includes(sentinel))) seen.add(command.replace(/\0/g, ' '));
        } catch {
          // Gone meanwhile.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await run(), seen: [...seen] };
  } finally {
    running = false;
    await watcher;
  }
}

/** Files under `directory` that hold any sentinel line. */
function filesHoldingSecrets(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => SENTINELS.some((sentinel) => readFileSync(file, 'latin1').includes(sentinel)));
}

const linesWithSecrets = (run: BundleRun) => linesHoldingSecrets(run, SENTINELS);

/**
 * The az stand-in on PATH (test harness only: Azure cannot be reached), for provision's write of the kept
 * role variables to the root's configuration store. Its log, which records what each call read from a
 * file, lives apart from the directories searched for secrets left behind.
 */
function azStandIn(): { env: NodeJS.ProcessEnv; calls: () => { args: string[]; files: Record<string, string> }[] } {
  const log = path.join(mkdtempSync(path.join(os.tmpdir(), 'secrets-az-')), 'az.log');
  return {
    env: { PATH: `${path.join(ROOT, 'test', 'workflows', 'stand-ins', 'az')}:${process.env.PATH}`, STAND_IN_AZ_LOG: log },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line))
        : [],
  };
}

describe('a secret input', () => {
  const workspace = () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'secrets-workspace-'));
    cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(directory, 'terraform', 'main.tf'), { recursive: true });
    return directory;
  };
  const inputs = {
    workingDirectory: 'terraform',
    variables: 'image_id=/i/1',
    command: 'plan-and-apply',
    configure: 'false',
    sshUser: 'azureuser',
    workerScaleSetLookup: 'false',
    sshPrivateKey: KEY_LINES.join('\n'),
    roleVariables: `datadog_api_key=${ROLE_SECRET}`,
  };

  it('on GitHub: masked line by line before use, on no command line, in no file left behind', async () => {
    const user = workspace();
    const temp = mkdtempSync(path.join(os.tmpdir(), 'secrets-temp-'));
    const az = azStandIn();
    const { result: run, seen } = await watchingArguments(() => runGithubAction('provision', inputs, { GITHUB_WORKSPACE: user, RUNNER_TEMP: temp, ...az.env }));
    expect(run.exitCode, run.stdout).toBe(0);
    // The secret role variable is kept for nodes that boot later: it reached the store through a file.
    const write = az.calls().find((call) => call.args.slice(0, 3).join(' ') === 'keyvault secret set');
    expect(Object.values(write?.files ?? {}).join('')).toContain(ROLE_SECRET);
    // The role variable's value is masked too: its name says it is a key.
    expect(linesWithSecrets(run)).toEqual([...KEY_LINES.slice(1, 3), ROLE_SECRET].map((line) => `::add-mask::${line}`));
    expect(seen).toEqual([]);
    expect([...filesHoldingSecrets(temp), ...filesHoldingSecrets(user)]).toEqual([]);
    // The inventory points at the key file, which went with the run.
    const keyFile = /ansible_ssh_private_key_file: (\S+)/.exec(readFileSync(run.outputs.inventory!, 'utf8'))?.[1];
    expect(keyFile).toBeDefined();
    expect(existsSync(keyFile!)).toBe(false);
  });

  it('on Azure DevOps: a multi-line key no longer stops the task; registered line by line before task-lib reads it', async () => {
    const user = workspace();
    const { result: run, seen } = await watchingArguments(() => runAzureDevOpsTask('provision', inputs, { BUILD_SOURCESDIRECTORY: user, ...azStandIn().env }));
    expect(run.exitCode, run.stdout).toBe(0);
    // task-lib writes every input it reads to its debug log: each line of the key is registered with the
    // agent's masker first, so the agent masks it there and everywhere after.
    const lines = run.stdout.split('\n');
    expect(
      lines.some((line) => line.startsWith('##vso[task.debug]') && line.includes(ROLE_SECRET)),
      'task-lib logged the role variables',
    ).toBe(true);
    for (const sentinel of [...KEY_LINES.slice(1, 3), ROLE_SECRET]) {
      const registered = lines.indexOf(`##vso[task.setsecret]${sentinel}`);
      expect(registered).toBeGreaterThanOrEqual(0);
      const firstOther = lines.findIndex((line) => line.includes(sentinel) && !line.startsWith('##vso[task.setsecret]'));
      expect(firstOther === -1 || firstOther > registered, lines[firstOther]).toBe(true);
    }
    expect(run.stderr).not.toMatch(/Secrets cannot contain multiple lines/);
    expect(seen).toEqual([]);
    expect(filesHoldingSecrets(user)).toEqual([]);
  });

  it('a Terraform output the root marks sensitive is masked before it is used', async () => {
    const user = workspace();
    const main = path.join(user, 'terraform', 'main.tf');
    writeFileSync(main, readFileSync(main, 'utf8').replace('output "master_url" {', 'output "master_url" {\n  sensitive = true'));
    const run = await runGithubAction('provision', { ...inputs, sshPrivateKey: '' }, { GITHUB_WORKSPACE: user, ...azStandIn().env });
    expect(run.exitCode, run.stdout).toBe(0);
    const url = 'spark://10.40.2.10:7077,10.40.2.11:7077';
    expect(run.stdout.split('\n').filter((line) => line.includes(url))).toEqual([`::add-mask::${url}`]);
    expect(run.outputs.masterUrl).toBe(url);
  });
});
