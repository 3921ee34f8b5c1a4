import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { floorViolations, sourceFiles } from '../support/import-floors.js';
import { ROOT } from '../support/run-bundle.js';

// entries → actions → operations → {local, azure, doors} → tools → core, and platform facts in doors only;
// inside actions/ and core/, rooms (ROOMS) by the same rule.
describe('floors of src/', () => {
  it('no module imports from a higher floor or reads a platform variable outside src/doors', () => {
    expect(floorViolations(sourceFiles(path.join(ROOT, 'src')))).toEqual([]);
  });

  it('catches an import pointing up, one sideways, a door used by an action, a platform variable, and imports between rooms', () => {
    const files = [
      { path: 'core/cluster/health.ts', text: "import { x } from '../../operations/failover-drill.js';" },
      { path: 'local/local-cluster.ts', text: "import { y } from '../azure/ssh-node-operations.js';" },
      { path: 'actions/smoke-test/index.ts', text: "import type { z } from '../../doors/github-pipeline.js';" },
      { path: 'tools/installers.ts', text: 'const temp = process.env.RUNNER_TEMP;' },
      { path: 'entries/cli.ts', text: "import { a } from '../doors/cli-pipeline.js';\nimport { b } from '../core/errors.js';" },
      { path: 'actions/failover-drill/recreation.ts', text: "import { c } from '../provision/index.js';\nimport { d } from '../shared/node-access.js';" },
      { path: 'core/zookeeper/zookeeper-probe.ts', text: "import { e } from '../cluster/topology.js';\nimport { f } from '../errors.js';" },
      { path: 'core/drill/journal.ts', text: "import { g } from '../rolling/rolling-plan.js';\nimport { h } from '../cluster/master-set.js';" },
      { path: 'core/errors.ts', text: "import { i } from './inputs/host-port.js';" },
    ];
    expect(floorViolations(files)).toEqual([
      'core/cluster/health.ts imports operations/failover-drill.js, a higher floor',
      'local/local-cluster.ts imports azure/ssh-node-operations.js, sideways on its floor',
      'actions/smoke-test/index.ts imports the door doors/github-pipeline.js: only entries wire doors',
      'tools/installers.ts:1 reads the platform variable RUNNER_TEMP: only src/doors may',
      'actions/failover-drill/recreation.ts imports actions/provision/index.js, a sibling room: meet through a lower one',
      'core/zookeeper/zookeeper-probe.ts imports core/cluster/topology.js, a higher room of core/',
      'core/drill/journal.ts imports core/rolling/rolling-plan.js, a sibling room: meet through a lower one',
      'core/errors.ts imports core/inputs/host-port.js, a higher room of core/',
    ]);
  });
});
