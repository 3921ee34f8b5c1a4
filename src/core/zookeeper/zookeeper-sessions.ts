import type { HostPort } from '../inputs/host-port.js';
import { sendFourLetterWord } from './four-letter-word.js';
import { parseCons } from './zookeeper-replies.js';

/**
 * Every session connected to any server of the ensemble right now (`cons` on each). A session missing
 * here still exists in ZooKeeper until it expires, but no client is attached to it. A server that does
 * not answer makes the answer unknowable: it throws rather than report a partial set.
 */
export async function connectedSessions(servers: readonly HostPort[], timeoutMs = 2000): Promise<Set<bigint>> {
  const replies = await Promise.all(servers.map((server) => sendFourLetterWord(server, 'cons', timeoutMs)));
  const sessions = new Set<bigint>();
  for (const reply of replies) {
    for (const connection of parseCons(reply)) if (connection.sessionId) sessions.add(BigInt(connection.sessionId));
  }
  return sessions;
}
