import { type HostPort, formatHostPort } from '../inputs/host-port.js';
import { type MasterEndpoint, type ReachableMaster, type SparkMasterState, aliveOf, probeSparkMaster } from '../spark/spark-master-probe.js';
import { waitUntil } from '../wait.js';

export const DEFAULT_MASTER_WEB_UI_PORT = 8080;

/** The masters of one cluster, probed together through their /json/ pages. */
export class MasterSet {
  readonly endpoints: readonly MasterEndpoint[];

  constructor(masters: readonly HostPort[], webUiPort = DEFAULT_MASTER_WEB_UI_PORT) {
    this.endpoints = masters.map((master) => ({ address: formatHostPort(master), webUiUrl: `http://${master.host}:${webUiPort}` }));
  }

  probe(timeoutMs = 2000): Promise<SparkMasterState[]> {
    return Promise.all(this.endpoints.map((endpoint) => probeSparkMaster(endpoint, timeoutMs)));
  }

  /** Waits for exactly one ALIVE master; returns it, or undefined with the last observation on timeout. */
  async waitForAlive(timeoutMs: number): Promise<{ alive?: ReachableMaster; last: SparkMasterState[] }> {
    const result = await waitUntil(
      () => this.probe(),
      (masters) => aliveOf(masters).length === 1,
      { timeoutMs, intervalMs: 250 },
    );
    return { alive: result.satisfied ? aliveOf(result.last)[0] : undefined, last: result.last };
  }

  webUiUrlOf(address: string): string | undefined {
    return this.endpoints.find((endpoint) => endpoint.address === address)?.webUiUrl;
  }
}

export function describeMasters(masters: readonly SparkMasterState[]): string {
  return masters.map((master) => `${master.address} ${master.reachable ? master.status : `unreachable (${master.error})`}`).join(', ');
}

/** What one probe saw of one master: a journal entry of the drill and of the rolling update. */
export interface MasterObservation {
  readonly address: string;
  /** ALIVE, STANDBY, RECOVERING, COMPLETING_RECOVERY, or DOWN when the probe got no answer. */
  readonly status: string;
  readonly aliveWorkers: number;
}
