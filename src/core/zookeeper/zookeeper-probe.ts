import { messageOf } from '../errors.js';
import { type HostPort, formatHostPort } from '../inputs/host-port.js';
import { sendFourLetterWord } from './four-letter-word.js';
import { type MntrReply, parseMntr, parseSrvr } from './zookeeper-replies.js';

type MntrFields = 'mode' | 'syncedFollowers' | 'pendingSyncs' | 'avgLatencyMs' | 'maxLatencyMs' | 'outstandingRequests';

export interface ZooKeeperServerState extends Partial<Pick<MntrReply, MntrFields>> {
  readonly address: string;
  readonly reachable: boolean;
  readonly serving: boolean;
  readonly error?: string;
}

/**
 * One server's view of itself: `srvr` (always allowed) for the mode, then `mntr` (needs the whitelist)
 * for sync state and latency. A server that refuses `mntr` is still reported with its mode.
 */
export async function probeZooKeeperServer(address: HostPort, timeoutMs: number): Promise<ZooKeeperServerState> {
  const name = formatHostPort(address);
  let srvr;
  try {
    srvr = parseSrvr(await sendFourLetterWord(address, 'srvr', timeoutMs));
  } catch (error) {
    return { address: name, reachable: false, serving: false, error: messageOf(error) };
  }
  if (!srvr.serving) return { address: name, reachable: true, serving: false, error: 'not serving requests' };
  try {
    const mntr = parseMntr(await sendFourLetterWord(address, 'mntr', timeoutMs));
    return {
      address: name,
      reachable: true,
      serving: mntr.serving,
      mode: mntr.mode ?? srvr.mode,
      syncedFollowers: mntr.syncedFollowers,
      pendingSyncs: mntr.pendingSyncs,
      avgLatencyMs: mntr.avgLatencyMs,
      maxLatencyMs: mntr.maxLatencyMs,
      outstandingRequests: mntr.outstandingRequests,
    };
  } catch (error) {
    return {
      address: name,
      reachable: true,
      serving: true,
      mode: srvr.mode,
      avgLatencyMs: srvr.latencyMs?.avg,
      maxLatencyMs: srvr.latencyMs?.max,
      outstandingRequests: srvr.outstanding,
      error: `mntr failed: ${messageOf(error)}`,
    };
  }
}
