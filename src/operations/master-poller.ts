import type { MasterSet } from '../core/cluster/master-set.js';
import type { MasterObservation } from '../core/cluster/master-set.js';

export interface ProbeEntry {
  readonly at: number;
  readonly kind: 'probe';
  readonly masters: readonly MasterObservation[];
}
import { CancelledError } from '../core/cancellation.js';
import { sleep } from '../core/wait.js';

/**
 * Probes every master at a fixed interval into a journal until stopped. Runs beside the drill's
 * actions so that no moment of the failover goes unobserved.
 */
export class MasterPoller {
  private running = true;
  private readonly loop: Promise<void>;

  constructor(masters: MasterSet, record: (entry: ProbeEntry) => void, intervalMs: number) {
    this.loop = (async () => {
      while (this.running) {
        const at = Date.now();
        const states = await masters.probe(Math.max(intervalMs * 4, 400));
        const observations: MasterObservation[] = states.map((state) => ({
          address: state.address,
          status: state.reachable ? state.status : 'DOWN',
          aliveWorkers: state.reachable ? state.workers.filter((worker) => worker.state === 'ALIVE').length : 0,
        }));
        record({ at, kind: 'probe', masters: observations });
        await sleep(Math.max(0, intervalMs - (Date.now() - at)));
      }
    })().catch((error: unknown) => {
      // A cancel of the run ends the polling; the run's own cleanup reports it.
      if (!(error instanceof CancelledError)) throw error;
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
