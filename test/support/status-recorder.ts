import type { ClusterTopology } from '../../src/core/cluster/topology.js';
import { masterAddress } from '../../src/core/cluster/topology.js';
import { MasterSet } from '../../src/core/cluster/master-set.js';
import { sleep } from '../../src/core/wait.js';

/**
 * Records every master's status every 50 ms while an action runs and for `settleMs` after it (consequences
 * such as a master exiting come a little later), to see any moment without an ALIVE master.
 */
export async function recordMasterStatuses<T>(topology: ClusterTopology, action: () => Promise<T>, settleMs = 10_000): Promise<{ result: T; samples: string[][] }> {
  const masters = new MasterSet(topology.masters.map(masterAddress));
  const samples: string[][] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      samples.push((await masters.probe(300)).map((state) => (state.reachable ? state.status : 'DOWN')));
      await sleep(50);
    }
  })();
  try {
    const result = await action();
    await sleep(settleMs);
    return { result, samples };
  } finally {
    running = false;
    await loop;
  }
}
