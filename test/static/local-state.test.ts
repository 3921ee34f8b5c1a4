import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { keepPreviousLogs } from '../../src/local/local-cluster.js';
import { DEFAULT_SHAPE, localTopology } from '../../src/local/local-topology.js';
import { ROOT, runGithubAction } from '../support/run-bundle.js';

const cli = (clusterDir: string, ...args: string[]) =>
  $({ cwd: ROOT, env: { ...process.env, SPARK_AZURE_LOCAL_DIR: clusterDir }, nothrow: true, quiet: true })`node dist/cli.cjs ${args}`;

/** A local cluster's directory whose record names the default topology, with no node running. */
function stoppedCluster(): string {
  const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'local-state-'));
  writeFileSync(
    path.join(clusterDir, 'cluster.json'),
    JSON.stringify({ shape: DEFAULT_SHAPE, roleVariables: {}, topology: localTopology(DEFAULT_SHAPE), createdAt: new Date().toISOString() }),
  );
  return clusterDir;
}

// Local state that is broken or does not match a command: one clear line, a non-zero exit, nothing done.
describe('local state and honest exits', () => {
  it('a corrupt cluster record is named, not a raw SyntaxError', async () => {
    const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'local-state-'));
    writeFileSync(path.join(clusterDir, 'cluster.json'), '{"shape": {');
    const run = await cli(clusterDir, 'local', 'status');
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^error: Local cluster record .*cluster\.json: expected the JSON that `spark-azure local up` writes, found unreadable JSON/),
    ]);
  });

  it('a corrupt cluster record does not stand in the way of a command given its masters', async () => {
    const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'local-state-'));
    writeFileSync(path.join(clusterDir, 'cluster.json'), 'not json');
    const run = await cli(clusterDir, 'smoke-test', '--masters', '127.0.0.99:7077', '--alive-master-timeout-seconds', '1');
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^error: Spark masters: expected exactly one ALIVE master within 1 s, found 127\.0\.0\.99:7077 unreachable/m);
  });

  it.each(['kill', 'stop'])('local node %s of a node that does not run says so and fails', async (operation) => {
    const run = await cli(stoppedCluster(), 'local', 'node', operation, 'master1');
    expect(run.exitCode).toBe(1);
    expect(run.stderr.trim()).toBe(`error: Node master1: expected a running node to ${operation}, found no process. See \`spark-azure local status\`.`);
  });

  it('failover-drill has no --failover, and the smoke test refuses drill inputs without the drill', async () => {
    const option = await cli(stoppedCluster(), 'failover-drill', '--failover', 'false');
    expect(option.exitCode).toBe(1);
    expect(option.stderr).toMatch(/unknown option '--failover'/);
    const github = await runGithubAction('smoke-test', { masters: '127.0.0.99:7077', fault: 'stop' });
    expect(github.exitCode).toBe(1);
    expect(github.stdout).toMatch(/::error::Input 'fault': expected 'failover: true' \(it is an input of the failover drill\), found it without failover/);
  });

  it('a fresh start keeps the previous run’s node logs, the newest three runs of them', async () => {
    const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'local-state-'));
    for (let run = 1; run <= 4; run++) {
      mkdirSync(path.join(clusterDir, 'nodes', 'zk1', 'logs'), { recursive: true });
      writeFileSync(path.join(clusterDir, 'nodes', 'zk1', 'logs', 'zk1.log'), `run ${run}\n`);
      await keepPreviousLogs(clusterDir);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const kept = readdirSync(path.join(clusterDir, 'previous-logs')).sort();
    expect(kept.map((run) => readFileSync(path.join(clusterDir, 'previous-logs', run, 'zk1', 'zk1.log'), 'utf8'))).toEqual(['run 2\n', 'run 3\n', 'run 4\n']);
    expect(existsSync(path.join(clusterDir, 'nodes', 'zk1', 'logs'))).toBe(false);
  });
});

describe('the drill’s inputs', () => {
  it('have in the code the defaults action.yml gives them, so a platform’s default is never taken for a choice', async () => {
    const { DRILL_INPUT_DEFAULTS } = await import('../../src/actions/shared/drill-settings.js');
    const { parse } = await import('yaml');
    const inputs = parse(readFileSync(path.join(ROOT, 'actions', 'smoke-test', 'action.yml'), 'utf8')).inputs as Record<string, { default?: string }>;
    for (const [input, fallback] of Object.entries(DRILL_INPUT_DEFAULTS)) expect(inputs[input]?.default, input).toBe(fallback);
  });
});
