import { messageOf } from './zookeeper-probe.js';
import { type MasterJson, parseMasterJson } from './spark-master-json.js';

export interface MasterProbeTarget {
  /** host:port of the master's RPC endpoint, as it appears in the master list. */
  readonly address: string;
  /** Base URL of the master's web UI, e.g. http://10.0.2.4:8080. */
  readonly webUiUrl: string;
}

export type SparkMasterState =
  | ({ readonly address: string; readonly reachable: true } & MasterJson)
  | { readonly address: string; readonly reachable: false; readonly error: string };

export async function probeSparkMaster(target: MasterProbeTarget, timeoutMs: number): Promise<SparkMasterState> {
  try {
    const response = await fetch(`${target.webUiUrl}/json/`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      return { address: target.address, reachable: false, error: `HTTP ${response.status} from ${target.webUiUrl}/json/` };
    }
    return { address: target.address, reachable: true, ...parseMasterJson(await response.json()) };
  } catch (error) {
    return { address: target.address, reachable: false, error: describeFetchError(error) };
  }
}

// fetch() hides the socket error in `cause`; surface it, it is what the operator needs.
function describeFetchError(error: unknown): string {
  const cause = error instanceof Error ? (error as Error & { cause?: unknown }).cause : undefined;
  return cause ? messageOf(cause) : messageOf(error);
}
