import { Socket } from 'node:net';
import type { HostPort } from '../inputs/host-port.js';

/** The only words spark-azure sends, and so the only ones the zookeeper role whitelists (with Datadog's). */
export const FOUR_LETTER_WORDS = ['srvr', 'mntr', 'cons', 'conf'] as const;
export type FourLetterWord = (typeof FOUR_LETTER_WORDS)[number];

/**
 * Sends a ZooKeeper four-letter word and returns the whole reply. ZooKeeper closes the connection
 * after answering, so the reply ends at end-of-stream. Rejects on refusal, reset or timeout.
 */
export function sendFourLetterWord(address: HostPort, word: FourLetterWord, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (error: Error | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const timer = setTimeout(() => finish(new Error(`no answer to '${word}' within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => finish(undefined));
    socket.on('close', () => finish(undefined));
    socket.on('error', (error) => finish(error));
    socket.connect(address.port, address.host, () => socket.end(word));
  });
}
