import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { ROOT, runAzureDevOpsTask, runGithubAction } from '../support/run-bundle.js';

// Bad input must stop an action before it touches anything: one line naming the input, exit status 1.
describe('bad input through the bundled doors', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['a missing required input', {}, /Input 'masters': expected the Spark master list, found nothing\. Set 'masters'/],
    [
      'a malformed master list',
      { masters: '10.0.2.4:7077;10.0.2.5:7077' },
      /Input 'masters': expected Spark masters as comma-separated host:port pairs.*found "10\.0\.2\.4:7077;10\.0\.2\.5:7077"/,
    ],
    ['a malformed number', { masters: '127.0.0.21', timeoutSeconds: 'ten' }, /Input 'timeoutSeconds': expected a number of seconds/],
  ];

  it.each(cases)('GitHub: %s', async (_, inputs, message) => {
    const run = await runGithubAction('smoke-test', inputs);
    expect(run.exitCode).toBe(1);
    const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(run.outputs).toEqual({});
  });

  it.each(cases)('Azure DevOps: %s', async (_, inputs, message) => {
    const run = await runAzureDevOpsTask('smoke-test', inputs);
    expect(run.exitCode).toBe(1);
    const completions = run.stdout.split('\n').filter((line) => line.startsWith('##vso[task.complete result=Failed'));
    expect(completions).toHaveLength(1);
    expect(completions[0]).toMatch(message);
    expect(run.outputs).toEqual({});
  });

  // A place the platform gives the run that cannot be written is one line naming it, before anything runs
  // (the master here is unreachable: a check that came too late would name it instead).
  describe('an environment the run cannot write to', () => {
    const unreachable = { masters: '127.0.0.99:7077', aliveMasterTimeoutSeconds: '1' };
    const missing = '/nonexistent-spark-azure/folder';

    it.each([
      [
        'RUNNER_TEMP',
        { RUNNER_TEMP: missing },
        /^::error::RUNNER_TEMP \(\/nonexistent-spark-azure\/folder\): expected a writable directory, found nothing there\. The runner sets it/,
      ],
      [
        'GITHUB_OUTPUT',
        { GITHUB_OUTPUT: `${missing}/output` },
        /^::error::GITHUB_OUTPUT \(.*\): expected a writable file, found no folder \/nonexistent-spark-azure\/folder\. The runner creates it/,
      ],
      ['GITHUB_STEP_SUMMARY', { GITHUB_STEP_SUMMARY: '/tmp' }, /^::error::GITHUB_STEP_SUMMARY \(\/tmp\): expected a writable file, found a directory\./],
    ])('GitHub: %s', async (_, env, message) => {
      const run = await runGithubAction('smoke-test', unreachable, env);
      expect(run.exitCode).toBe(1);
      const errors = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(message);
      expect(run.stdout).not.toMatch(/unreachable|a bug/);
    });

    it('Azure DevOps: Agent.TempDirectory', async () => {
      const run = await runAzureDevOpsTask('smoke-test', unreachable, { AGENT_TEMPDIRECTORY: missing });
      expect(run.exitCode).toBe(1);
      const completions = run.stdout.split('\n').filter((line) => line.startsWith('##vso[task.complete result=Failed'));
      expect(completions).toHaveLength(1);
      expect(completions[0]).toMatch(/Agent\.TempDirectory \(\/nonexistent-spark-azure\/folder\): expected a writable directory, found nothing there\./);
      expect(run.stdout).not.toMatch(/unreachable|Unhandled/);
    });

    it('CLI: --summary-file in a missing folder', async () => {
      const run = await $({
        nothrow: true,
        quiet: true,
      })`node ${ROOT}/dist/cli.cjs smoke-test --masters 127.0.0.99:7077 --alive-master-timeout-seconds 1 --summary-file ${missing}/summary.md`;
      expect(run.exitCode).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        'error: --summary-file (/nonexistent-spark-azure/folder/summary.md): expected a writable file, found no folder /nonexistent-spark-azure/folder. Give a file in an existing, writable folder.',
      ]);
    });
  });

  it('names an unreachable master and submits nothing', async () => {
    const run = await runGithubAction('smoke-test', { masters: '127.0.0.99:7077', aliveMasterTimeoutSeconds: '1' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::Spark masters: expected exactly one ALIVE master within 1 s, found 127\.0\.0\.99:7077 unreachable \(connect ECONNREFUSED 127\.0\.0\.99:8080\)\. Nothing was submitted/,
    );
    expect(run.stdout).not.toMatch(/spark-submit/);
  });
});

describe('a ZooKeeper resize on VMs refuses what it cannot do, before touching anything', () => {
  const vms = { masters: '10.0.2.4:7077,10.0.2.5:7077', nodeAccess: 'ssh', sshUser: 'azureuser', zookeeperDir: '/spark-azure/prod', zookeeperCount: '5' };
  it.each([
    [
      { zookeepers: '10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181,10.0.1.7:2181,10.0.1.8:2181', updateMethod: 'command', updateCommand: './x.sh' },
      /::error::Input 'updateMethod': expected 'ansible' with zookeeperCount on VMs \(a joiner is configured by the site playbook\), found 'command'/,
    ],
    [
      { zookeepers: '10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181', updateMethod: 'ansible', ansibleInventory: 'test/fixtures/ansible/hosts.yml' },
      /::error::Input 'zookeepers': expected every ZooKeeper server of both sizes \(at least 5\), in myid order, found 3\. Apply provision with the new count first/,
    ],
  ])('%j', async (inputs, message) => {
    const run = await runGithubAction('rolling-update', { ...vms, ...inputs }, { GITHUB_WORKSPACE: ROOT });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(message);
    expect(run.stdout).not.toMatch(/ssh |ansible-playbook/);
  });
});

describe('smoke-test refuses inputs its target would ignore', () => {
  it.each([
    [
      { target: 'hdinsight', masters: '10.0.2.4:7077', hdinsightCluster: 'spark-prod' },
      "Input 'masters': expected it only with target standalone, found it with target hdinsight. Leave masters out, or set target to standalone.",
    ],
    [
      { target: 'aks', kubeconfig: 'apiVersion: v1', sparkHome: '/opt/spark' },
      "Input 'sparkHome': expected it only with target standalone, found it with target aks. Leave sparkHome out, or set target to standalone.",
    ],
    [
      { target: 'aks', kubeconfig: 'apiVersion: v1', application: 'job.py' },
      "Input 'application': expected it only with target standalone or hdinsight, found it with target aks. Leave application out, or set target to standalone or hdinsight (AKS runs SparkPi).",
    ],
    [
      { target: 'standalone', masters: '127.0.0.99:7077', kubeconfig: 'apiVersion: v1' },
      "Input 'kubeconfig': expected it only with target aks, found it with target standalone. Leave kubeconfig out, or set target to aks.",
    ],
    [
      { target: 'aks', kubeconfig: 'apiVersion: v1', failover: 'true' },
      "Input 'failover': expected 'false' with target aks, found 'true'. The failover drill runs on the standalone cluster only",
    ],
    [
      { masters: '127.0.0.99:7077', mainClass: 'org.example.Job' },
      "Input 'mainClass': expected it only with an application jar, found it without application. Give the jar in 'application', or leave mainClass out.",
    ],
    [
      { target: 'hdinsight', hdinsightCluster: 'spark-prod', gatewayPassword: 'p', application: 'abfs://a@b/pi.py', mainClass: 'org.example.Job' },
      'Input \'mainClass\': expected it only with an application jar, found it with "abfs://a@b/pi.py".',
    ],
  ])('%j', async (inputs, message) => {
    const run = await runGithubAction('smoke-test', inputs);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toEqual([expect.stringContaining(`::error::${message}`)]);
  });
});

describe('an Ansible roll checks the files it reads before it installs Ansible (about 20 s) or asks any node', () => {
  const roll = {
    masters: '10.0.2.4:7077,10.0.2.5:7077',
    zookeepers: '10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181',
    nodeAccess: 'ssh',
    sshUser: 'azureuser',
    zookeeperDir: '/spark-azure/prod',
    dryRun: 'true',
  };
  it.each([
    [
      { ansibleInventory: 'inventories/prod/hosts.yml' },
      `Input 'ansibleInventory': expected the Ansible inventory of the cluster, a file in the workspace, found "inventories/prod/hosts.yml", which does not exist.`,
    ],
    [
      { ansibleInventory: 'test/fixtures' },
      `Input 'ansibleInventory': expected the Ansible inventory of the cluster, a file in the workspace, found "test/fixtures", which is not a file.`,
    ],
    [
      { ansibleInventory: 'test/fixtures/ansible/hosts.yml', ansiblePlaybook: 'site.yml' },
      `Input 'ansiblePlaybook': expected an Ansible playbook, a file in the workspace, found "site.yml", which does not exist.`,
    ],
  ])('%j', async (inputs, message) => {
    const toolCache = mkdtempSync(path.join(os.tmpdir(), 'roll-cache-'));
    const run = await runGithubAction('rolling-update', { ...roll, ...inputs }, { GITHUB_WORKSPACE: ROOT, SPARK_AZURE_TOOLS_DIR: toolCache });
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error::'))).toEqual([
      `::error::${message} Give its path relative to the workspace (the checkout of the job), or an absolute one.`,
    ]);
    expect(readdirSync(toolCache), 'nothing installed').toEqual([]);
  });
});

// The command line names its --options where the platforms name inputs.
describe('bad input on the command line', () => {
  it.each([
    [['smoke-test', '--masters', '10.0.2.4:7077;10.0.2.5:7077'], /^error: --masters: expected Spark masters as comma-separated host:port pairs/],
    [
      ['smoke-test', '--masters', '127.0.0.21', '--timeout-seconds', 'ten'],
      /^error: --timeout-seconds: expected a number of seconds from 10 to 86400, found "ten"\. Set --timeout-seconds to e\.g\. 300\.$/,
    ],
    [
      ['local', 'resize-ensemble', '--zookeepers', '4'],
      /^error: --zookeepers: expected 3 or 5 ZooKeeper servers \(an odd quorum\), found 4\. Use --zookeepers 3 or --zookeepers 5\.$/,
    ],
    [
      ['rolling-update', '--masters', '127.0.0.99:7077', '--zookeeper-servers', '4'],
      /^error: --zookeeper-servers: expected one of 3, 5, found "4"\. Set --zookeeper-servers to one of those\.$/,
    ],
    [['provision', '--command', 'destroy'], /^error: --command: expected one of plan, apply, plan-and-apply, reconcile, found "destroy"\. Set --command to one of those\.$/],
    [['local', 'up', '--alert-webhook', 'http://127.0.0.1:9099/alerts'], /^error: --alert-webhook needs --monitoring: add --monitoring, or leave --alert-webhook out\.$/],
  ])('%j', async (args, message) => {
    const run = await $({ cwd: ROOT, nothrow: true, quiet: true })`node dist/cli.cjs ${args}`;
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(run.stdout).toBe('');
  });

  it('takes a secret from standard input or a file, never needing it on the command line, and never prints it', async () => {
    const secret = 'cli-secret-from-stdin-7d41c9e2';
    const piped = await $({
      cwd: ROOT,
      nothrow: true,
      quiet: true,
      input: `${secret}\n`,
    })`node dist/cli.cjs smoke-test --masters 127.0.0.99:7077 --alive-master-timeout-seconds 1 --cluster-secret-file -`;
    // It got as far as the (unreachable) master: the secret was read and taken.
    expect(piped.stderr).toMatch(/^error: Spark masters: expected exactly one ALIVE master within 1 s, found 127\.0\.0\.99:7077 unreachable/m);
    expect(piped.stderr + piped.stdout).not.toContain(secret);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cli-secret-')), 'secret');
    writeFileSync(file, 'short\n');
    const short = await $({ cwd: ROOT, nothrow: true, quiet: true })`node dist/cli.cjs smoke-test --masters 127.0.0.99:7077 --cluster-secret-file ${file}`;
    expect(short.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^error: --cluster-secret: expected the cluster secret: 16 or more printable characters, no spaces, found another value \(not shown: it is a secret\)\./,
      ),
    ]);
    const argv = await $({
      cwd: ROOT,
      nothrow: true,
      quiet: true,
    })`node dist/cli.cjs smoke-test --masters 127.0.0.99:7077 --alive-master-timeout-seconds 1 --cluster-secret ${secret}`;
    expect(argv.stderr).toMatch(/^warning: --cluster-secret on the command line is visible to other users \(ps\) and kept in shell history: use --cluster-secret-file instead\.$/m);
  });

  it('prints its version, the package version', async () => {
    const run = await $({ cwd: ROOT, nothrow: true, quiet: true })`node dist/cli.cjs --version`;
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(`${JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });
});
