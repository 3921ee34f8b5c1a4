import type { ZooKeeperServerState } from '../zookeeper/zookeeper-probe.js';

export function majority(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

/** Servers that serve and take part in the quorum (observers do not vote). */
export function healthyVoters(servers: readonly ZooKeeperServerState[]): ZooKeeperServerState[] {
  return servers.filter((server) => server.serving && (server.mode === 'leader' || server.mode === 'follower'));
}

/**
 * Whether the ensemble keeps a majority while `address` is down: the healthy voters other than it must
 * still be a majority of all voters.
 */
export function canSpare(servers: readonly ZooKeeperServerState[], address: string): boolean {
  const remaining = healthyVoters(servers).filter((server) => server.address !== address).length;
  return remaining >= majority(servers.length);
}
