import type { ClusterState } from '../core/cluster/cluster-state.js';
import { describeMasters, MasterSet } from '../core/cluster/master-set.js';
import type { HealthExpectations } from '../core/cluster/health.js';
import { probeAddressesOf } from '../core/cluster/node-states.js';
import { type ClusterTopology, type MasterNode, masterAddress, topologyZooKeeperConnect, zookeeperClientAddress } from '../core/cluster/topology.js';
import { cancellation } from '../core/cancellation.js';
import { ClusterStateError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import type { NodeOperations } from '../core/nodes/node-operations.js';
import { probeCluster } from '../core/cluster/cluster-probe.js';
import { safeToStart, stepHealthy } from '../core/rolling/gates.js';
import type { RollingEntry, RollingJournal } from '../core/rolling/rolling-journal.js';
import { type RollingPlan, type RollingStep, describeStep, planRollingUpdate } from '../core/rolling/rolling-plan.js';
import { connectedSessions } from '../core/zookeeper/zookeeper-sessions.js';
import { leaderElectionPath } from '../core/spark/leader-latch.js';
import { waitUntil } from '../core/wait.js';
import { ZooKeeperSession } from '../core/zookeeper/zookeeper-session.js';
import { handOverLeadership } from './leadership-handover.js';
import { MaintenanceLock } from './maintenance-lock.js';
import { MasterPoller } from './master-poller.js';
import { readLeaderLatch } from '../core/spark/read-leader-latch.js';
import type { UpdateMethod } from '../core/rolling/update-method.js';

/** The cluster a roll acts on: its topology, how to act on a node, and what healthy means for it. */
export interface RollingCluster {
  readonly topology: ClusterTopology;
  readonly operations: NodeOperations;
  readonly expectations: HealthExpectations;
}

/** Everything one roll needs. */
export interface RollingContext {
  readonly cluster: RollingCluster;
  readonly method: UpdateMethod;
  readonly options: RollingOptions;
  readonly log: Log;
}

export interface RollingOptions {
  readonly maxUnavailable: number;
  readonly only?: ReadonlySet<string>;
  readonly gateTimeoutSeconds: number;
  readonly lockWaitSeconds: number;
  readonly pollIntervalMs: number;
  /** A closed cluster's secret: the roll's ZooKeeper session (the maintenance lock) authenticates with it. */
  readonly clusterSecret?: string;
}

export interface RollingReport {
  readonly journal: RollingJournal;
  /** Present when the roll stopped before its end: where, why, the cluster then, and what to do. */
  readonly halted?: { readonly step: string; readonly reason: string; readonly state: ClusterState; readonly next: string };
}

/** Observes the cluster and plans the roll; throws (touching nothing) when the cluster is not healthy. */
export async function planFromCluster(cluster: RollingCluster, options: RollingOptions): Promise<Extract<RollingPlan, { ok: true }>> {
  const state = await probeCluster(probeAddressesOf(cluster.topology));
  const plan = planRollingUpdate(cluster.topology, state, cluster.expectations, { maxUnavailable: options.maxUnavailable, only: options.only });
  if (!plan.ok) {
    throw new ClusterStateError(
      'Rolling update preconditions',
      'every ZooKeeper server serving with all followers in sync, exactly one ALIVE master, every expected worker ALIVE',
      plan.refusals.join('; '),
      'Nothing was touched. Bring the cluster back to health first (docs/runbook.md).',
    );
  }
  return plan;
}

/**
 * Rolls the cluster one step at a time, holding the maintenance lock. Before each step it checks that the
 * step is still safe (a node that failed meanwhile halts the roll); after it, a gate with a timeout must
 * pass. At the first failure it stops, touches no other node, and reports.
 */
export async function runRollingUpdate(context: RollingContext): Promise<RollingReport> {
  const plan = await planFromCluster(context.cluster, context.options);
  // Every step's gate, with time to act on its node, and the lock: past it, something hangs.
  const limitMs = (context.options.lockWaitSeconds + plan.steps.length * (context.options.gateTimeoutSeconds + 180) + 60) * 1000;
  return cancellation.within(limitMs, 'the rolling update', () => roll(context, plan));
}

async function roll(context: RollingContext, plan: Extract<RollingPlan, { ok: true }>): Promise<RollingReport> {
  const { cluster, method, options, log } = context;
  const journal: RollingJournal = {
    startedAt: Date.now(),
    method: method.description,
    plan: plan.steps.map((step) => ({ kind: step.kind, nodes: step.nodes.map((node) => node.name) })),
    entries: [],
  };
  const record = (entry: RollingEntry) => journal.entries.push(entry);
  const zk = await ZooKeeperSession.open(topologyZooKeeperConnect(cluster.topology), { clusterSecret: options.clusterSecret });
  try {
    const lock = await MaintenanceLock.acquire(zk, `rolling update (${method.description})`, { waitMs: options.lockWaitSeconds * 1000 });
    const poller = new MasterPoller(new MasterSet(cluster.topology.masters.map(masterAddress), cluster.topology.masters[0]?.webUiPort), record, options.pollIntervalMs);
    try {
      await method.prepare?.();
      for (const [index, step] of plan.steps.entries()) {
        await lock.ensureHeld(`rolling update (${method.description})`);
        const halted = await rollStep({ ...context, zk, record }, index, step);
        if (halted) return { journal, halted };
      }
      return { journal };
    } finally {
      await poller.stop();
      await lock.release().catch(() => undefined);
      journal.finishedAt = Date.now();
    }
  } finally {
    zk.close();
  }
}

/** One roll under way: its context, the session holding the lock, and where entries go. */
interface RollingRun extends RollingContext {
  readonly zk: ZooKeeperSession;
  readonly record: (entry: RollingEntry) => void;
}

async function rollStep(run: RollingRun, index: number, step: RollingStep): Promise<RollingReport['halted']> {
  const { cluster, method, options, zk, record, log } = run;
  const { topology } = cluster;
  const title = `${index + 1}/${describeStep(step)}`;
  const before = await probeCluster(probeAddressesOf(topology));
  const unsafe = safeToStart(step, topology, before);
  if (unsafe.length > 0) {
    const reason = `not safe to start: ${unsafe.join('; ')}`;
    record({ at: Date.now(), kind: 'halt', step: index, reason });
    return {
      step: title,
      reason,
      state: before,
      next: 'A node failed or changed role during the roll. Restore it, check `status`, then rerun: nodes already rolled are rolled again harmlessly.',
    };
  }
  log.info(`Step ${title}`);
  record({ at: Date.now(), kind: 'step', step: index, stepKind: step.kind, nodes: step.nodes.map((node) => node.name) });
  const details: string[] = [];
  if (step.kind === 'alive-master') {
    const handover = await handOverLeadership({
      master: step.nodes[0] as MasterNode,
      successors: topology.masters.filter((master) => master.name !== step.nodes[0]!.name),
      operations: cluster.operations,
      zk,
      zookeepers: topology.zookeepers.map(zookeeperClientAddress),
      sparkZooKeeperDir: topology.sparkZooKeeperDir,
      log,
    });
    details.push(`handover: ${handover.note}`);
  }
  details.push(...(await Promise.all(step.nodes.map((node) => method.apply(node)))));
  record({ at: Date.now(), kind: 'applied', step: index, detail: details.join('; ') });

  const started = Date.now();
  const zookeeperStep = step.kind === 'zookeeper-follower' || step.kind === 'zookeeper-leader';
  const observe = async () => ({
    state: await probeCluster(probeAddressesOf(topology), 1000),
    detached: zookeeperStep ? await detachedElectionSessions(zk, topology) : 0,
  });
  const healthy = (seen: { state: ClusterState; detached: number }) => stepHealthy(step, topology, seen.state, cluster.expectations.minimumWorkers, seen.detached);
  const gate = await waitUntil(observe, (seen) => healthy(seen).length === 0, { timeoutMs: options.gateTimeoutSeconds * 1000, intervalMs: 200 });
  const problems = healthy(gate.last);
  record({ at: Date.now(), kind: 'gate', step: index, ok: gate.satisfied, waitedMs: Date.now() - started, problems });
  log.info(`  gate ${gate.satisfied ? 'passed' : 'FAILED'} after ${((Date.now() - started) / 1000).toFixed(1)} s${gate.satisfied ? '' : `: ${problems.join('; ')}`}`);
  if (gate.satisfied) return undefined;
  const reason = `gate after ${describeStep(step)} did not pass within ${options.gateTimeoutSeconds} s: ${problems.join('; ')}`;
  record({ at: Date.now(), kind: 'halt', step: index, reason });
  return {
    step: title,
    reason,
    state: gate.last.state,
    next: `No further node was touched. Look at ${step.nodes.map((node) => node.name).join(', ')} (logs, service status), fix it, then rerun the rolling update. Masters now: ${describeMasters(gate.last.state.masters)}.`,
  };
}

/** Leader-election sessions (owners of latch nodes) attached to no ZooKeeper server; counts as unknown (1) when a server does not answer. */
async function detachedElectionSessions(zk: ZooKeeperSession, topology: ClusterTopology): Promise<number> {
  try {
    const owners = (await readLeaderLatch(zk, leaderElectionPath(topology.sparkZooKeeperDir))).map((node) => node.owner);
    const attached = await connectedSessions(topology.zookeepers.map(zookeeperClientAddress));
    return owners.filter((owner) => !attached.has(owner)).length;
  } catch {
    return 1;
  }
}
