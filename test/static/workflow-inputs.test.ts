import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run-bundle.js';

// The reusable workflows hand their inputs to the actions by name: a misspelt or removed input is ignored
// by the runner with a warning only, and the feature it carried silently stops (the pager check, a secret).
const workflows = readdirSync(path.join(ROOT, '.github', 'workflows')).filter((file) => file.endsWith('.yml'));
const actionInputs = (action: string) => Object.keys(parse(readFileSync(path.join(ROOT, 'actions', action, 'action.yml'), 'utf8')).inputs);

function actionSteps(file: string): { action: string; keys: string[] }[] {
  const workflow = parse(readFileSync(path.join(ROOT, '.github', 'workflows', file), 'utf8'));
  return Object.values(workflow.jobs ?? {}).flatMap((job) =>
    ((job as { steps?: { uses?: string; with?: Record<string, unknown> }[] }).steps ?? [])
      .map((step) => ({ action: /^org\/spark-azure\/actions\/([a-z-]+)@/.exec(step.uses ?? '')?.[1], keys: Object.keys(step.with ?? {}) }))
      .filter((step): step is { action: string; keys: string[] } => step.action !== undefined),
  );
}

describe('the reusable workflows', () => {
  it.each(workflows)('%s passes only inputs its actions have', (file) => {
    for (const step of actionSteps(file)) {
      const known = actionInputs(step.action);
      expect(
        step.keys.filter((key) => !known.includes(key)),
        `${file} → ${step.action}`,
      ).toEqual([]);
    }
  });

  it('the chaos workflow hands the drill the Alertmanager, so a scheduled drill proves the pager', () => {
    const chaos = parse(readFileSync(path.join(ROOT, '.github', 'workflows', 'chaos.yml'), 'utf8'));
    expect(Object.keys(chaos.on.workflow_call.inputs)).toContain('alertmanager-url');
    expect(actionSteps('chaos.yml').find((step) => step.action === 'smoke-test')?.keys).toContain('alertmanagerUrl');
  });
});
