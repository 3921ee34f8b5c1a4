import { afterEach, describe, expect, it } from 'vitest';
import { type LivyStandIn, startLivyStandIn } from '../support/livy-stand-in.js';
import { linesHoldingSecrets, runGithubAction } from '../support/run-bundle.js';

// The whole smoke-test action as GitHub runs it (the bundle), with target hdinsight, against a Livy
// stand-in on loopback: a real Livy for Spark 3 is not to be had from the registries (see the stand-in).
describe('smoke-test with target hdinsight, through Livy', () => {
  let livy: LivyStandIn | undefined;
  afterEach(async () => livy?.close());

  const inputs = (url: string, password = 'gateway-secret-1') => ({
    target: 'hdinsight',
    livyUrl: url,
    gatewayUser: 'admin',
    gatewayPassword: password,
    application: 'abfs://spark@lake.dfs.core.windows.net/jobs/pi.py',
    arguments: '100',
    timeoutSeconds: '60',
  });

  it('submits a batch with basic auth and X-Requested-By, polls until success, outputs the state', async () => {
    livy = await startLivyStandIn({ states: ['starting', 'running', 'success'], log: [], user: 'admin', password: 'gateway-secret-1' });
    const run = await runGithubAction('smoke-test', inputs(livy.url));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'success', applicationId: 'application_1700000000000_0007' });
    const post = livy.requests.find((request) => request.method === 'POST');
    expect(post?.headers['x-requested-by']).toBeTruthy();
    expect(post?.body).toMatchObject({ file: 'abfs://spark@lake.dfs.core.windows.net/jobs/pi.py', args: ['100'] });
    expect(livy.requests.filter((request) => request.path === '/livy/batches/7/state').length).toBe(3);
    expect(linesHoldingSecrets(run, ['gateway-secret-1'])).toEqual(['::add-mask::gateway-secret-1']);
  });

  it('fails on a dead batch with the tail of its log', async () => {
    const log = [...Array.from({ length: 60 }, (_, index) => `line ${index}`), 'Traceback: ModuleNotFoundError: No module named numpy'];
    livy = await startLivyStandIn({ states: ['running', 'dead'], log, user: 'admin', password: 'gateway-secret-1' });
    const run = await runGithubAction('smoke-test', inputs(livy.url));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('No module named numpy');
    expect(run.stdout).not.toContain('line 10\n');
    expect(run.stdout).toMatch(/::error::Smoke test on HDInsight: expected a Livy batch ending in success, found batch 7 ended dead/);
  });

  it('names a wrong gateway password as Livy answers it, without printing it', async () => {
    livy = await startLivyStandIn({ states: ['success'], log: [], user: 'admin', password: 'right-one' });
    const run = await runGithubAction('smoke-test', inputs(livy.url, 'wrong-one-2'));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/HTTP 401 from POST/);
    expect(linesHoldingSecrets(run, ['wrong-one-2'])).toEqual(['::add-mask::wrong-one-2']);
    expect(run.stdout).toMatch(/::error::Livy at http:\/\/127\.0\.0\.1:\d+\/livy: expected an answer/);
  });

  it('refuses a missing password, naming the input, before any request', async () => {
    livy = await startLivyStandIn({ states: ['success'], log: [], user: 'admin', password: 'x' });
    const run = await runGithubAction('smoke-test', { ...inputs(livy.url), gatewayPassword: '' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::Input 'gatewayPassword': expected the cluster gateway/);
    expect(livy.requests).toEqual([]);
  });
});
