import { httpGetJson } from '../http-get-json.js';
import { messageOf } from '../errors.js';
import { type MasterJson, parseMasterJson } from './spark-master-json.js';

export interface MasterEndpoint {
  /** host:port of the master's RPC endpoint, as it appears in the master list. */
  readonly address: string;
  /** Base URL of the master's web UI, e.g. http://10.0.2.4:8080. */
  readonly webUiUrl: string;
}

export type SparkMasterState =
  | ({ readonly address: string; readonly reachable: true } & MasterJson)
  | { readonly address: string; readonly reachable: false; readonly error: string };

export type ReachableMaster = Extract<SparkMasterState, { reachable: true }>;

/** The masters that answered and say they are ALIVE. */
export function aliveOf(masters: readonly SparkMasterState[]): ReachableMaster[] {
  return masters.filter((master): master is ReachableMaster => master.reachable && master.status === 'ALIVE');
}

export async function probeSparkMaster(endpoint: MasterEndpoint, timeoutMs: number): Promise<SparkMasterState> {
  try {
    return { address: endpoint.address, reachable: true, ...parseMasterJson(await httpGetJson(`${endpoint.webUiUrl}/json/`, timeoutMs)) };
  } catch (error) {
    return { address: endpoint.address, reachable: false, error: messageOf(error) };
  }
}
