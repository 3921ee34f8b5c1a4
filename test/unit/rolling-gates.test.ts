import { describe, expect, it } from 'vitest';
import { nodeAddress } from '../../src/core/cluster/node-states.js';
import { safeToStart, stepHealthy } from '../../src/core/rolling/gates.js';
import { type RollingJournal, rollingFigures } from '../../src/core/rolling/rolling-journal.js';
import type { RollingStep } from '../../src/core/rolling/rolling-plan.js';
import { localTopology } from '../../src/local/local-topology.js';
import { follower, leader, master, state, worker, zkDown } from './cluster-state-builders.js';

const topology = localTopology({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
const [zk1, zk2, zk3] = topology.zookeepers.map(nodeAddress);
const [m1, m2] = topology.masters.map(nodeAddress);
const workers = () => [worker('127.0.0.31'), worker('127.0.0.32')];
const healthy = () => state([follower(zk1!), follower(zk2!), leader(zk3!, 2)], [master(m1!, 'ALIVE', workers()), master(m2!, 'STANDBY')]);
const step = (kind: RollingStep['kind'], index: number): RollingStep => ({
  kind,
  nodes: [kind.includes('zookeeper') ? topology.zookeepers[index]! : kind === 'workers' ? topology.workers[index]! : topology.masters[index]!],
});

describe('rolling gates', () => {
  it('lets a step start only when it is still safe', () => {
    expect(safeToStart(step('zookeeper-follower', 0), topology, healthy())).toEqual([]);
    const degraded = state([follower(zk1!), zkDown(zk2!), leader(zk3!, 1)], healthy().masters);
    expect(safeToStart(step('zookeeper-follower', 0), topology, degraded)).toEqual([
      `ZooKeeper ${zk2} is unreachable (ECONNREFUSED)`,
      `the ZooKeeper leader ${zk3} has 1 of 2 followers in sync`,
      'the ensemble cannot spare zk1',
    ]);
    expect(safeToStart(step('alive-master', 0), topology, state(healthy().zookeeper, [master(m1!, 'ALIVE'), master(m2!, 'RECOVERING')]))).toEqual([
      'no STANDBY master to take over from the ALIVE one',
    ]);
    expect(safeToStart(step('alive-master', 1), topology, healthy())).toEqual(['master2 is no longer the ALIVE master']);
  });

  it('passes a ZooKeeper step only with the node serving, the leader synced and every election session attached', () => {
    expect(stepHealthy(step('zookeeper-follower', 0), topology, healthy(), 2)).toEqual([]);
    expect(stepHealthy(step('zookeeper-follower', 0), topology, healthy(), 2, 1)).toEqual(["1 masters' election sessions are not attached to any ZooKeeper server yet"]);
    expect(stepHealthy(step('zookeeper-follower', 0), topology, state([zkDown(zk1!), follower(zk2!), leader(zk3!, 1)], healthy().masters), 2)).toContain('zk1 is not serving');
  });

  it('passes a master step once the master is back as STANDBY beside one ALIVE master with every worker', () => {
    expect(stepHealthy(step('standby-master', 1), topology, healthy(), 2)).toEqual([]);
    expect(stepHealthy(step('alive-master', 0), topology, state(healthy().zookeeper, [master(m1!, 'STANDBY'), master(m2!, 'ALIVE', [worker('127.0.0.31')])]), 2)).toEqual([
      '1 of 2 workers ALIVE at the ALIVE master',
    ]);
    expect(
      stepHealthy(step('standby-master', 1), topology, state(healthy().zookeeper, [master(m1!, 'ALIVE', workers()), { address: m2!, reachable: false, error: 'x' }]), 2),
    ).toEqual(['master2 is down, not back as STANDBY']);
  });

  it('passes a worker step once that worker is registered ALIVE at the ALIVE master', () => {
    const without = state(healthy().zookeeper, [master(m1!, 'ALIVE', [worker('127.0.0.31'), worker('127.0.0.32', 'DEAD')]), master(m2!, 'STANDBY')]);
    expect(stepHealthy(step('workers', 1), topology, without, 2)).toEqual(['1 of 2 workers ALIVE at the ALIVE master', 'worker2 is not registered ALIVE at the ALIVE master']);
  });
});

describe('rolling figures, from the journal', () => {
  const probe = (at: number, alive: boolean) => ({ at, kind: 'probe' as const, masters: [{ address: m1!, status: alive ? 'ALIVE' : 'DOWN', aliveWorkers: 2 }] });
  const journal: RollingJournal = {
    startedAt: 0,
    finishedAt: 10_000,
    method: 'test',
    plan: [
      { kind: 'zookeeper-follower', nodes: ['zk1'] },
      { kind: 'alive-master', nodes: ['master1'] },
    ],
    entries: [
      { at: 1000, kind: 'step', step: 0, stepKind: 'zookeeper-follower', nodes: ['zk1'] },
      { at: 2500, kind: 'gate', step: 0, ok: true, waitedMs: 800, problems: [] },
      { at: 3000, kind: 'step', step: 1, stepKind: 'alive-master', nodes: ['master1'] },
      probe(3000, true),
      probe(3100, false),
      probe(3200, false),
      probe(4500, true),
      { at: 6000, kind: 'gate', step: 1, ok: true, waitedMs: 2000, problems: [] },
    ],
  };

  it('adds up each step, the whole roll and the time without an ALIVE master', () => {
    expect(rollingFigures(journal)).toEqual({
      completed: true,
      totalSeconds: 10,
      stepSeconds: [
        { nodes: ['zk1'], seconds: 1.5, waitedSeconds: 0.8 },
        { nodes: ['master1'], seconds: 3, waitedSeconds: 2 },
      ],
      noAliveSeconds: 1.4,
    });
  });

  it('is not completed when the roll halted', () => {
    expect(rollingFigures({ ...journal, entries: [...journal.entries, { at: 7000, kind: 'halt', step: 1, reason: 'x' }] }).completed).toBe(false);
  });
});
