import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalProcesses } from '../../src/local/local-processes.js';
import { ROOT } from '../support/run-bundle.js';
import { assertAddressesFree } from '../support/test-cluster.js';

// Ctrl-C on the main job with --down: it stops what it was doing and still tears the cluster down.
describe('local verify --down, interrupted', () => {
  it('tears the cluster down and exits non-zero, leaving no process', async () => {
    await assertAddressesFree();
    const clusterDir = mkdtempSync(path.join(os.tmpdir(), 'interrupted-verify-'));
    const verify = spawn(process.execPath, ['dist/cli.cjs', 'local', 'verify', '--down'], {
      cwd: ROOT,
      env: { ...process.env, SPARK_AZURE_LOCAL_DIR: clusterDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    verify.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // Interrupt half-way up, with ZooKeeper and the masters running and the workers starting: the drill's own
      // interrupt is failover-drill.test.ts's.
      if (/Starting .*worker1 \(/.test(stderr) && !verify.killed) verify.kill('SIGINT');
    });
    const exitCode = await new Promise<number | null>((resolve) => verify.on('close', resolve));
    expect(stderr).toMatch(/Starting .*worker1 \(/);
    expect(exitCode).not.toBe(0);
    expect(stderr).toMatch(/Interrupted by SIGINT/);
    expect(stderr).toMatch(/interrupted by SIGINT/);
    expect(new LocalProcesses(clusterDir).leftovers()).toEqual([]);
    await assertAddressesFree();
  });
});
