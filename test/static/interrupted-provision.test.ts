import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { descendantsOf } from '../../src/tools/child-processes.js';
import { ROOT } from '../support/run-bundle.js';

// A root whose apply takes a minute: a resource whose creation runs `sleep 60`.
const SLOW_ROOT = `
resource "terraform_data" "slow" {
  provisioner "local-exec" {
    command = "sleep 60"
  }
}
`;

/** The processes below `root` running the program `name`. */
function descendantsNamed(root: number, name: string): number[] {
  return descendantsOf(root).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]?.endsWith(name) ?? false;
    } catch {
      return false;
    }
  });
}

// A runner's cancel (SIGINT) while Terraform applies: Terraform gets the signal and stops the way it does
// on Ctrl-C, writing its state; nothing is left running or locked; the step says so and fails.
describe('provision, cancelled while Terraform applies', () => {
  it('passes the cancel on to Terraform, which stops and leaves its state written and unlocked', async () => {
    const workspace = mkdtempSync(path.join(os.tmpdir(), 'cancel-'));
    mkdirSync(path.join(workspace, 'terraform'));
    writeFileSync(path.join(workspace, 'terraform', 'main.tf'), SLOW_ROOT);
    const temp = mkdtempSync(path.join(os.tmpdir(), 'cancel-temp-'));
    writeFileSync(path.join(temp, 'output'), '');
    const env = {
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_)/.test(key))),
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: path.join(temp, 'output'),
      INPUT_COMMAND: 'plan-and-apply',
      INPUT_WORKINGDIRECTORY: 'terraform',
      INPUT_CONFIGURE: 'false',
    };
    const step = spawn(process.execPath, [path.join(ROOT, 'actions', 'provision', 'index.cjs')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let cancelledAt = 0;
    let sleeping: number[] = [];
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
    };
    step.stdout.on('data', collect);
    step.stderr.on('data', collect);
    // Cancel once the provisioner's sleep runs: Terraform is in the middle of its apply.
    const watch = setInterval(() => {
      if (cancelledAt === 0 && descendantsNamed(step.pid!, 'sleep').length > 0) {
        sleeping = descendantsNamed(step.pid!, 'sleep');
        cancelledAt = Date.now();
        step.kill('SIGINT');
      }
    }, 100);
    const exitCode = await new Promise<number | null>((resolve) => step.on('close', resolve));
    clearInterval(watch);
    expect(cancelledAt, output).toBeGreaterThan(0);
    expect(exitCode).not.toBe(0);
    // Stopped by the cancel, not by the minute-long sleep running out.
    expect(Date.now() - cancelledAt).toBeLessThan(45_000);
    expect(output).toMatch(/Interrupted by SIGINT: passed it on to \d+ running tool processes/);
    expect(output).toMatch(/::error::.*interrupted by SIGINT|::error::terraform apply/);
    // The provisioner's sleep got the signal too: none of the processes Terraform ran outlives the step.
    const alive = (pid: number) => {
      try {
        return !/\) [ZX] /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    await expect.poll(() => sleeping.filter(alive), { timeout: 5000, interval: 100 }).toEqual([]);
    expect(output).not.toMatch(/Apply complete!/);
    expect(existsSync(path.join(workspace, 'terraform', 'terraform.tfstate'))).toBe(true);
    expect(existsSync(path.join(workspace, 'terraform', '.terraform.tfstate.lock.info'))).toBe(false);
  });
});
