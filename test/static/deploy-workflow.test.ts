import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { breakWorkflow, ensureAct, exportRepository, runWorkflow, userRepository } from '../support/act.js';
import { ROOT } from '../support/run-bundle.js';

// Our reusable deploy workflow, run by a real workflow engine (act) for a user's repository: the plan job
// and the approved apply job against the Terraform fixture, the plan crossing between them as an artifact.
describe('the reusable deploy workflow, run by act', () => {
  const repository = () => userRepository({ 'terraform/main.tf': readFileSync(path.join(ROOT, 'test', 'fixtures', 'terraform-vm', 'main.tf'), 'utf8') });

  beforeAll(async () => {
    await ensureAct();
  });

  it('plans in one job, uploads the plan, and applies exactly that plan in the next', async () => {
    const run = await runWorkflow({ caller: 'deploy.yml', repository: repository(), sparkAzure: exportRepository() });
    expect(run.exitCode, run.output).toBe(0);
    expect(readdirSync(path.join(run.artifacts, 'terraform-plan'))).toEqual(['spark-azure.tfplan']);
    expect(run.output).toMatch(/deploy\/plan \].*Plan: 5 to add, 0 to change, 0 to destroy/);
    expect(run.output).toMatch(/deploy\/apply\].*stand-in download-artifact: terraform-plan into /);
    expect(run.output).toMatch(/deploy\/apply\].*::set-output:: masterUrl=spark:\/\/10\.40\.2\.10:7077,10\.40\.2\.11:7077/);
  });

  it('fails the apply, touching nothing, when the plan does not reach its job', async () => {
    const sparkAzure = exportRepository();
    breakWorkflow(
      sparkAzure,
      'deploy.yml',
      '      - uses: actions/download-artifact@v4\n        with:\n          name: terraform-plan\n          path: ${{ github.workspace }}\n',
      '',
    );
    const run = await runWorkflow({ caller: 'deploy.yml', repository: repository(), sparkAzure });
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toMatch(/deploy\/apply\].*::error::Input 'planFile': expected the plan saved by command plan/);
    expect(run.output).not.toMatch(/set-output:: masterUrl=/);
    expect(existsSync(path.join(run.artifacts, 'terraform-plan', 'spark-azure.tfplan'))).toBe(true);
  });
});
