import { describe, expect, it } from 'vitest';
import { assessCluster, assessMasters, assessWorkers, assessZooKeeper } from '../../src/core/cluster/health.js';
import { follower, healthyState, leader, master, masterDown, state, worker, zkDown } from './cluster-state-builders.js';

const expectations = { zookeeperCount: 3, masterCount: 2, minimumWorkers: 2, workerHosts: ['w1', 'w2'] };

describe('cluster health', () => {
  it('accepts one leader with all followers synced, one ALIVE, one STANDBY and every worker', () => {
    expect(assessCluster(healthyState(), expectations)).toEqual({ healthy: true, zookeeper: [], masters: [], workers: [] });
  });

  it('flags a leader that still syncs a follower, even though every server answers', () => {
    const observed = state([follower('zk1:2181'), leader('zk2:2181', 1, 1), follower('zk3:2181')], []);
    expect(assessZooKeeper(observed, 3)).toEqual(['the ZooKeeper leader zk2:2181 has 1 of 2 followers in sync', 'the ZooKeeper leader has 1 syncs pending']);
  });

  it('flags an unreachable server and an ensemble without leader', () => {
    expect(assessZooKeeper(state([zkDown('zk1:2181'), follower('zk2:2181'), follower('zk3:2181')], []), 3)).toEqual([
      'ZooKeeper zk1:2181 is unreachable (ECONNREFUSED)',
      'the ZooKeeper ensemble has no leader',
    ]);
  });

  it('flags two leaders', () => {
    expect(assessZooKeeper(state([leader('a', 2), leader('b', 2), follower('c')], []), 3)).toContain('2 ZooKeeper servers claim to lead');
  });

  it('flags no ALIVE master, two ALIVE masters, and a RECOVERING one', () => {
    expect(assessMasters(state([], [master('m1', 'STANDBY'), master('m2', 'STANDBY')]), 2)).toEqual(['no Spark master is ALIVE']);
    expect(assessMasters(state([], [master('m1', 'ALIVE'), master('m2', 'ALIVE')]), 2)).toEqual(['2 Spark masters are ALIVE at once: m1, m2']);
    expect(assessMasters(state([], [master('m1', 'RECOVERING'), master('m2', 'STANDBY')]), 2)).toEqual(['Spark master m1 is RECOVERING', 'no Spark master is ALIVE']);
    expect(assessMasters(state([], [master('m1', 'ALIVE'), masterDown('m2')]), 2)).toEqual(['Spark master m2 is unreachable (ECONNREFUSED)']);
  });

  it('counts only workers ALIVE at the ALIVE master', () => {
    const observed = state([], [master('m1', 'ALIVE', [worker('w1'), worker('w2', 'DEAD')]), master('m2', 'STANDBY')]);
    expect(assessWorkers(observed, expectations)).toEqual(['1 workers are ALIVE at the ALIVE master, expected at least 2', 'worker w2 is not ALIVE at the ALIVE master']);
  });

  it('cannot judge workers without a single ALIVE master', () => {
    expect(assessWorkers(state([], [master('m1', 'STANDBY')]), expectations)).toEqual(['workers cannot be checked without a single ALIVE master']);
  });
});
