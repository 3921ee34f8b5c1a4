import { mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { kubectlStandIn } from '../support/kubectl-stand-in.js';
import { linesHoldingSecrets, runGithubAction } from '../support/run-bundle.js';

// The whole smoke-test action as GitHub runs it (the bundle), with target aks: kubectl is a test-harness
// stand-in (see there); the SparkApplication's schema is checked against the real CRD in aks-manifest.test.ts.
const KUBECONFIG = 'apiVersion: v1\nkind: Config\nusers:\n- name: ci\n  user:\n    token: kube-token-secret-42\n';

describe('smoke-test with target aks', () => {
  const run = (searchPath: string, temp = mkdtempSync(path.join(os.tmpdir(), 'aks-temp-'))) =>
    runGithubAction('smoke-test', { target: 'aks', kubeconfig: KUBECONFIG, timeoutSeconds: '60' }, { PATH: searchPath, RUNNER_TEMP: temp });

  it('applies SparkPi, polls the SparkApplication until COMPLETED, with the kubeconfig in a 0600 file only', async () => {
    const kubectl = kubectlStandIn([undefined, { applicationState: { state: 'SUBMITTED' } }, { applicationState: { state: 'COMPLETED' } }], '');
    const temp = mkdtempSync(path.join(os.tmpdir(), 'aks-temp-'));
    const result = await run(`${kubectl.bin}:${process.env.PATH}`, temp);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(readdirSync(temp), 'the manifest and the kubeconfig are gone with the run').toEqual([]);
    expect(result.outputs.result).toBe('COMPLETED');
    const calls = kubectl.calls();
    expect(calls.map((call) => call.args.find((arg) => ['apply', 'get', 'logs'].includes(arg)))).toEqual(['apply', 'get', 'get', 'get']);
    expect(calls[0]!.manifest).toMatchObject({ kind: 'SparkApplication', metadata: { namespace: 'spark-jobs' }, spec: { mainClass: 'org.apache.spark.examples.SparkPi' } });
    for (const call of calls) {
      expect(call.kubeconfig.trim()).toBe(KUBECONFIG.trim());
      expect(call.kubeconfigMode).toBe(0o600);
      expect(call.args.join(' ')).not.toContain('kube-token-secret-42');
    }
    expect(linesHoldingSecrets(result, ['kube-token-secret-42'])).toEqual(['::add-mask::token: kube-token-secret-42']);
  });

  it('fails on FAILED with the operator message and the tail of the driver log', async () => {
    const kubectl = kubectlStandIn(
      [
        { applicationState: { state: 'RUNNING' } },
        { applicationState: { state: 'FAILED', errorMessage: 'driver container failed with ExitCode: 1' }, driverInfo: { podName: 'smoke-driver' } },
      ],
      'line 1\njava.lang.OutOfMemoryError: Java heap space\n',
    );
    const result = await run(`${kubectl.bin}:${process.env.PATH}`);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('java.lang.OutOfMemoryError');
    expect(result.stdout).toMatch(/::error::Smoke test on AKS: expected the SparkApplication COMPLETED, found FAILED: driver container failed with ExitCode: 1/);
    // Every value in its flag's word and the pod's name after '--': none can be read as a flag.
    const logs = kubectl.calls().at(-1)!.args;
    expect(logs[0]).toMatch(/^--kubeconfig=\//);
    expect(logs.slice(1)).toEqual(['logs', '--namespace=spark-jobs', '--tail=40', '--', 'smoke-driver']);
  });

  it('says to install kubectl when there is none', async () => {
    // This machine has a kubectl in /usr/bin: a PATH with only node and bash has none.
    const bare = mkdtempSync(path.join(os.tmpdir(), 'bare-path-'));
    for (const tool of ['node', 'bash']) symlinkSync((await $`which ${tool}`).stdout.trim(), path.join(bare, tool));
    const result = await run(bare);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::kubectl apply: expected to succeed, found exit 127.*Install kubectl/);
  });
});
