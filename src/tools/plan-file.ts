import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClusterStateError, InputError, ToolAnswerError, describeValue } from '../core/errors.js';
import { planConfigurationDifferences } from '../core/infra/plan-configuration.js';
import { zipEntries } from '../core/infra/zip-entries.js';

/**
 * A saved Terraform plan's life: where it is written, one writer at a time, and the check before an apply
 * that it belongs to the root as it is now. `given` is the planFile input as the user wrote it.
 */

/** Where the plan goes: a file (its folder made when missing), never an existing folder. */
export function preparePlanFile(planFile: string, given: string): string {
  if (existsSync(planFile) && statSync(planFile).isDirectory()) {
    throw new InputError('planFile', 'a file path for the saved plan', `${describeValue(given)}, a folder`, 'Name a file, e.g. spark-azure.tfplan.');
  }
  mkdirSync(path.dirname(planFile), { recursive: true });
  return planFile;
}

/** Refuses an apply of a plan file that is not there: apply never plans again. */
export function requireSavedPlan(planFile: string, given: string): void {
  if (!existsSync(planFile)) {
    throw new InputError(
      'planFile',
      'the plan saved by command plan (download it in the approved job)',
      describeValue(given),
      'Run command plan first, then apply that plan file; apply never plans again.',
    );
  }
}

/**
 * A saved plan belongs to the root and the configuration it was made from: one made in another root, or
 * before the configuration changed, is refused before anything is applied.
 */
export function refuseForeignPlan(planFile: string, root: string, given: string): void {
  const read = (relative: string) => (existsSync(path.join(root, relative)) ? readFileSync(path.join(root, relative)) : undefined);
  const listTf = (relativeDir: string) => (existsSync(path.join(root, relativeDir)) ? readdirSync(path.join(root, relativeDir)).filter((file) => file.endsWith('.tf')) : []);
  let differences: string[];
  try {
    differences = planConfigurationDifferences(zipEntries(readFileSync(planFile)), read, listTf);
  } catch (error) {
    differences = [`it is no saved Terraform plan (${error instanceof ToolAnswerError ? error.found : (error as Error).message})`];
  }
  if (differences.length > 0) {
    throw new InputError(
      'planFile',
      "a plan made from this Terraform root's configuration as it is now",
      `${describeValue(given)}, where ${differences.slice(0, 4).join('; ')}`,
      'Nothing was applied. Plan again (command plan), review it, and apply that plan.',
    );
  }
}

/**
 * One plan at a time writes a plan file: a second run planning into the same file is refused while the
 * first goes on, instead of silently replacing the plan someone is about to approve.
 */
export async function withPlanLock<T>(planFile: string, plan: () => Promise<T>): Promise<T> {
  const lock = `${planFile}.lock`;
  const holder = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  try {
    writeFileSync(lock, holder, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const other = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; host: string; since: string };
    if (other.host === os.hostname() && !processLives(other.pid)) {
      writeFileSync(lock, holder);
    } else {
      throw new ClusterStateError(
        `Plan file ${planFile}`,
        'no other plan being written to it',
        `a plan by pid ${other.pid} on ${other.host} since ${other.since}`,
        'Wait for that run, or give this one its own planFile.',
      );
    }
  }
  try {
    return await plan();
  } finally {
    rmSync(lock, { force: true });
  }
}

function processLives(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
