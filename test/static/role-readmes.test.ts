import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run-bundle.js';

const ROLES = path.join(ROOT, 'infra', 'ansible', 'roles');

/** The variables a role's README must name: every default the role offers. */
function roleVariables(role: string): string[] {
  return Object.keys((parse(readFileSync(path.join(ROLES, role, 'defaults', 'main.yml'), 'utf8')) as Record<string, unknown> | null) ?? {});
}

function undocumented(readme: string, variables: readonly string[]): string[] {
  return variables.filter((variable) => !readme.includes(`\`${variable}\``));
}

describe('the Ansible roles', () => {
  it('each has a README that names every variable of its defaults, with an example', () => {
    const roles = readdirSync(ROLES);
    expect(roles.length).toBeGreaterThanOrEqual(7);
    for (const role of roles) {
      const readme = readFileSync(path.join(ROLES, role, 'README.md'), 'utf8');
      expect(undocumented(readme, roleVariables(role)), `${role}/README.md`).toEqual([]);
      expect(readme, role).toMatch(/```ya?ml\n/);
    }
  });

  it('the check finds a variable a README leaves out', () => {
    expect(undocumented('| `spark_worker_cores` | 2 |', ['spark_worker_cores', 'spark_worker_memory_mb'])).toEqual(['spark_worker_memory_mb']);
  });
});
