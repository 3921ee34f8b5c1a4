import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runAzureDevOpsTask } from '../support/run-bundle.js';

interface AzCall {
  args: string[];
  configDir?: string;
  files: Record<string, string>;
}

/** Runs the installed provision task (plan, on the Terraform fixture) with a service connection and a stand-in az. */
async function planWithConnection(scheme: string, parameters: Record<string, string> = {}, agent: Record<string, string> = {}) {
  // As the agent hands a service connection to a task.
  const endpoint = { ENDPOINT_AUTH_conn1: JSON.stringify({ scheme, parameters: { tenantid: 'tenant-1', serviceprincipalid: 'app-1', ...parameters } }), ...agent };
  const sources = mkdtempSync(path.join(os.tmpdir(), 'ado-sources-'));
  cpSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), path.join(sources, 'terraform', 'main.tf'), { recursive: true });
  const azLog = path.join(sources, 'az.jsonl');
  const env = {
    BUILD_SOURCESDIRECTORY: sources,
    PATH: `${path.join(ROOT, 'test', 'workflows', 'stand-ins', 'az')}:${process.env.PATH}`,
    STAND_IN_AZ_LOG: azLog,
    ENDPOINT_DATA_conn1_SUBSCRIPTIONID: '00000000-0000-0000-0000-0000000000aa',
    ...endpoint,
  };
  const run = await runAzureDevOpsTask('provision', { command: 'plan', workingDirectory: 'terraform', variables: 'image_id=/i/1', azureSubscription: 'conn1' }, env);
  const calls = existsSync(azLog)
    ? readFileSync(azLog, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as AzCall)
    : [];
  return { run, calls };
}

// Each task signs in with its own service connection: no earlier step's login is needed, and the
// credential reaches az through a file, never its command line, and is gone when the task ends.
describe('an Azure DevOps task with a service connection', () => {
  it('signs in with a service principal secret passed to az as a file, then removes the profile', async () => {
    const secret = 'sentinel-secret-0f3a9c';
    const { run, calls } = await planWithConnection('ServicePrincipal', { serviceprincipalkey: secret });
    expect(run.exitCode, run.stdout).toBe(0);
    const login = calls.find((call) => call.args[0] === 'login')!;
    expect(login.args).toEqual([
      'login',
      '--service-principal',
      '--username',
      'app-1',
      '--tenant',
      'tenant-1',
      '--password',
      expect.stringMatching(/^@\//),
      '--allow-no-subscriptions',
      '--output',
      'none',
    ]);
    expect(Object.values(login.files)).toEqual([secret]);
    expect(calls.flatMap((call) => call.args).join(' ')).not.toContain(secret);
    expect(calls.find((call) => call.args[0] === 'account')?.args).toEqual(['account', 'set', '--subscription', '00000000-0000-0000-0000-0000000000aa']);
    expect(existsSync(login.configDir!)).toBe(false);
    // Only the command that registers it with the agent's masker carries it.
    expect(run.stdout.split('\n').filter((line) => line.includes(secret))).toEqual([`##vso[task.setsecret]${secret}`]);
    expect(run.outputs.hasChanges).toBe('true');
  });

  it('signs in with workload identity federation: a token from the agent’s OIDC endpoint, as a file', async () => {
    const token = 'sentinel-federated-token-77b1';
    const requests: { url?: string; authorization?: string }[] = [];
    const server = createServer((request, response) => {
      requests.push({ url: request.url, authorization: request.headers.authorization });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ oidcToken: token }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const { run, calls } = await planWithConnection(
        'WorkloadIdentityFederation',
        {},
        { SYSTEM_OIDCREQUESTURI: `http://127.0.0.1:${port}/oidc`, SYSTEM_ACCESSTOKEN: 'job-access-token' },
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(requests).toEqual([{ url: '/oidc?api-version=7.1&serviceConnectionId=conn1', authorization: 'Bearer job-access-token' }]);
      const login = calls.find((call) => call.args[0] === 'login')!;
      expect(login.args).toContain('--federated-token');
      expect(Object.values(login.files)).toEqual([token]);
      expect(run.stdout.split('\n').filter((line) => line.includes(token))).toEqual([`##vso[task.setsecret]${token}`]);
    } finally {
      server.close();
    }
  });

  it('refuses a connection of another kind, naming the input', async () => {
    const { run, calls } = await planWithConnection('ManagedServiceIdentity');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /##vso\[task\.complete result=Failed;done=true;\]Input 'azureSubscription': expected an Azure Resource Manager service connection .* found the scheme ManagedServiceIdentity/,
    );
    expect(calls).toEqual([]);
  });
});
