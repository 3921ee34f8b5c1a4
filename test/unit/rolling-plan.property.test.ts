import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectationsOf, nodeAddress } from '../../src/core/cluster/node-states.js';
import type { ClusterTopology } from '../../src/core/cluster/topology.js';
import type { ClusterState } from '../../src/core/cluster/cluster-state.js';
import type { SparkMasterState } from '../../src/core/spark/spark-master-probe.js';
import type { ZooKeeperServerState } from '../../src/core/zookeeper/zookeeper-probe.js';
import { planRollingUpdate } from '../../src/core/rolling/rolling-plan.js';
import { healthyVoters, majority } from '../../src/core/rolling/quorum.js';
import { localTopology } from '../../src/local/local-topology.js';
import { master, worker } from './cluster-state-builders.js';

// Random observations of a cluster: each ZooKeeper server and master in any state, some workers missing.
const observation = fc
  .record({ zookeeperCount: fc.constantFrom(3, 5), masterCount: fc.constantFrom(2, 3), workerCount: fc.integer({ min: 1, max: 4 }) })
  .chain((shape) => {
    const topology = localTopology(shape);
    // Mostly healthy, so that the interesting states (one thing wrong) come up often.
    const server = fc.record({
      reachable: fc.constantFrom(true, true, true, true, false),
      serving: fc.constantFrom(true, true, true, true, false),
      mode: fc.constantFrom('leader', 'follower', 'follower', 'observer', 'standalone'),
      syncedFollowers: fc.integer({ min: 0, max: shape.zookeeperCount }),
      pendingSyncs: fc.constantFrom(0, 0, 0, 1),
    });
    const masterStatus = fc.constantFrom('ALIVE', 'STANDBY', 'STANDBY', 'RECOVERING', 'DOWN');
    return fc.record({
      topology: fc.constant(topology),
      servers: fc.array(server, { minLength: shape.zookeeperCount, maxLength: shape.zookeeperCount }),
      masterStatuses: fc.array(masterStatus, { minLength: shape.masterCount, maxLength: shape.masterCount }),
      aliveWorkers: fc.subarray(topology.workers.map((node) => node.host)),
      maxUnavailable: fc.integer({ min: 1, max: 3 }),
    });
  })
  .map(({ topology, servers, masterStatuses, aliveWorkers, maxUnavailable }) => ({
    topology,
    maxUnavailable,
    state: {
      observedAt: '2026-11-23T00:00:00.000Z',
      zookeeper: topology.zookeepers.map(
        (node, index): ZooKeeperServerState => ({ address: nodeAddress(node), ...servers[index]!, serving: servers[index]!.reachable && servers[index]!.serving }),
      ),
      masters: topology.masters.map((node, index): SparkMasterState => {
        const status = masterStatuses[index]!;
        if (status === 'DOWN') return { address: nodeAddress(node), reachable: false, error: 'down' };
        return master(nodeAddress(node), status as 'ALIVE', status === 'ALIVE' ? aliveWorkers.map((host) => worker(host)) : []);
      }),
    } satisfies ClusterState,
  }));

// The same generator, biased to healthy clusters so that plans are actually made and checked.
const healthyObservation = fc
  .record({
    zookeeperCount: fc.constantFrom(3, 5),
    masterCount: fc.constantFrom(2, 3),
    workerCount: fc.integer({ min: 1, max: 6 }),
    leader: fc.nat(),
    alive: fc.nat(),
    maxUnavailable: fc.integer({ min: 1, max: 4 }),
  })
  .map((shape) => {
    const topology = localTopology(shape);
    const leaderIndex = shape.leader % shape.zookeeperCount;
    const aliveIndex = shape.alive % shape.masterCount;
    const state: ClusterState = {
      observedAt: '2026-11-23T00:00:00.000Z',
      zookeeper: topology.zookeepers.map((node, index) => ({
        address: nodeAddress(node),
        reachable: true,
        serving: true,
        mode: index === leaderIndex ? 'leader' : 'follower',
        ...(index === leaderIndex ? { syncedFollowers: shape.zookeeperCount - 1, pendingSyncs: 0 } : {}),
      })),
      masters: topology.masters.map((node, index) =>
        master(nodeAddress(node), index === aliveIndex ? 'ALIVE' : 'STANDBY', index === aliveIndex ? topology.workers.map((w) => worker(w.host)) : []),
      ),
    };
    return { topology, state, maxUnavailable: shape.maxUnavailable };
  });

function checkPlanSafety(topology: ClusterTopology, state: ClusterState, maxUnavailable: number): void {
  const plan = planRollingUpdate(topology, state, expectationsOf(topology), { maxUnavailable });
  if (!plan.ok) {
    expect(plan.refusals.length).toBeGreaterThan(0);
    return;
  }
  const voters = state.zookeeper.length;
  let seenMaster = false;
  let seenWorkers = false;
  for (const [index, step] of plan.steps.entries()) {
    const down = new Set(step.nodes.map(nodeAddress));
    if (step.kind.startsWith('zookeeper')) {
      // Never below quorum: with this step's server down, the healthy rest is still a majority.
      expect(step.nodes).toHaveLength(1);
      expect(healthyVoters(state.zookeeper).filter((server) => !down.has(server.address)).length).toBeGreaterThanOrEqual(majority(voters));
      expect(seenMaster || seenWorkers, 'ZooKeeper is rolled before masters and workers').toBe(false);
    }
    if (step.kind === 'zookeeper-leader') expect(plan.steps.slice(index + 1).some((later) => later.kind === 'zookeeper-follower')).toBe(false);
    if (step.kind === 'standby-master' || step.kind === 'alive-master') {
      seenMaster = true;
      expect(seenWorkers).toBe(false);
    }
    if (step.kind === 'alive-master') {
      // Never the only ALIVE master while no healthy standby exists.
      const standbys = state.masters.filter((m) => m.reachable && m.status === 'STANDBY' && !down.has(m.address));
      expect(standbys.length).toBeGreaterThanOrEqual(1);
      expect(plan.steps.slice(index + 1).some((later) => later.kind === 'standby-master')).toBe(false);
    }
    if (step.kind === 'workers') {
      seenWorkers = true;
      expect(step.nodes.length).toBeLessThanOrEqual(maxUnavailable);
    }
  }
  // Every node is rolled exactly once.
  expect(plan.steps.flatMap((step) => step.nodes.map((node) => node.name)).sort()).toEqual(
    [...topology.zookeepers, ...topology.masters, ...topology.workers].map((node) => node.name).sort(),
  );
}

describe('rolling plan properties', () => {
  it('never drops the ensemble below quorum nor takes the only ALIVE master without a healthy standby (any state)', () => {
    fc.assert(
      fc.property(observation, ({ topology, state, maxUnavailable }) => checkPlanSafety(topology, state, maxUnavailable)),
      { numRuns: 2000 },
    );
  });

  it('plans every healthy cluster in the safe order', () => {
    fc.assert(
      fc.property(healthyObservation, ({ topology, state, maxUnavailable }) => {
        const plan = planRollingUpdate(topology, state, expectationsOf(topology), { maxUnavailable });
        expect(plan.ok).toBe(true);
        checkPlanSafety(topology, state, maxUnavailable);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an unhealthy cluster and says why', () => {
    fc.assert(
      fc.property(healthyObservation, fc.nat(), ({ topology, state, maxUnavailable }, pick) => {
        const broken = {
          ...state,
          zookeeper: state.zookeeper.map((server, index) => (index === pick % state.zookeeper.length ? { ...server, reachable: false, serving: false } : server)),
        };
        const plan = planRollingUpdate(topology, broken, expectationsOf(topology), { maxUnavailable });
        expect(plan.ok).toBe(false);
        if (!plan.ok) expect(plan.refusals.join('; ')).toMatch(/unreachable/);
      }),
      { numRuns: 200 },
    );
  });
});
