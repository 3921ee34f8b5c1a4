import { describe, expect, it } from 'vitest';
import { parseCons, parseMntr, parseSrvr } from '../../src/core/zookeeper/zookeeper-replies.js';
import { fixture } from './fixtures.js';

describe('ZooKeeper four-letter-word replies (captured from ZooKeeper 3.8.0)', () => {
  it('reads the leader from srvr and mntr', () => {
    expect(parseSrvr(fixture('zookeeper-3.8-leader-srvr.txt'))).toMatchObject({ serving: true, mode: 'leader', version: '3.8.0-${mvngit.commit.id}' });
    const mntr = parseMntr(fixture('zookeeper-3.8-leader-mntr.txt'));
    expect(mntr).toMatchObject({ serving: true, mode: 'leader', syncedFollowers: 2, pendingSyncs: 0, globalSessions: 4 });
    expect(mntr.avgLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it('reads a follower, which reports no sync counts', () => {
    expect(parseSrvr(fixture('zookeeper-3.8-follower-srvr.txt'))).toMatchObject({ serving: true, mode: 'follower' });
    const mntr = parseMntr(fixture('zookeeper-3.8-follower-mntr.txt'));
    expect(mntr.mode).toBe('follower');
    expect(mntr.syncedFollowers).toBeUndefined();
  });

  it('reads a server that is not serving', () => {
    const reply = 'This ZooKeeper instance is not currently serving requests\n';
    expect(parseSrvr(reply)).toEqual({ serving: false });
    expect(parseMntr(reply).serving).toBe(false);
  });

  it('reads client sessions from cons', () => {
    const connections = parseCons(fixture('zookeeper-3.8-leader-cons.txt'));
    expect(connections.length).toBeGreaterThanOrEqual(1);
    expect(connections[0]).toMatchObject({ clientHost: '127.0.0.1', sessionTimeoutMs: 6000 });
    expect(connections.some((connection) => /^0x[0-9a-f]+$/.test(connection.sessionId ?? ''))).toBe(true);
  });
});
