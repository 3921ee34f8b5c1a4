import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { $ } from 'zx/core';
import { zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import { probeCluster } from '../../src/core/cluster/cluster-probe.js';
import { probeAddressesOf } from '../../src/core/cluster/node-states.js';
import { type ClusterTopology, type MasterNode, allNodes, topologyMasterUrl, topologyZooKeeperConnect, zookeeperClientAddress } from '../../src/core/cluster/topology.js';
import { httpGetJson } from '../../src/core/http-get-json.js';
import { formatHostPort } from '../../src/core/inputs/host-port.js';
import { nodeDir } from '../../src/local/paths.js';
import { silentLog } from '../../src/core/log.js';
import { connectedSessions } from '../../src/core/zookeeper/zookeeper-sessions.js';
import { sendFourLetterWord } from '../../src/core/zookeeper/four-letter-word.js';
import { parseCons } from '../../src/core/zookeeper/zookeeper-replies.js';
import { inLineOrder, leaderElectionPath } from '../../src/core/spark/leader-latch.js';
import type { LocalCluster } from '../../src/local/local-cluster.js';
import { handOverLeadership } from '../../src/operations/leadership-handover.js';
import { readLeaderLatch } from '../../src/core/spark/read-leader-latch.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { globalSessions, mastersByStatus, serverOfAliveMaster, theAliveMasterNode, zookeeperLeaderNode } from '../support/cluster-observations.js';
import { startImdsStandIn } from '../support/imds-stand-in.js';
import { startLongJob } from '../support/long-job.js';
import { SequencedWriter } from '../support/sequenced-writer.js';
import { recordMasterStatuses } from '../support/status-recorder.js';
import { ROOT, runGithubAction } from '../support/run-bundle.js';
import { localTopology } from '../../src/local/local-topology.js';
import { type EnsembleAccess, readMembership, reconfigureArguments, voterIds } from '../../src/core/cluster/ensemble-membership.js';
import { type ResizeReport, resizeEnsemble } from '../../src/operations/ensemble-resize.js';
import { MaintenanceLock } from '../../src/operations/maintenance-lock.js';
import { startTestCluster } from '../support/test-cluster.js';
import { cutAliveMasterFromZooKeeper } from '../support/partition.js';
import { openClusterSession } from '../support/cluster-zookeeper.js';
import { readLocalClusterSecret } from '../../src/local/local-cluster-secret.js';

// Curator's ensemble tracker logs each membership it adopts; this one lists server 5.
const CURATOR_FOLLOWED_FIVE = /New config event received.*server\.5=/;

// The facts the failover drill and rolling updates rely on, shown on the real cluster (see HA-NOTES).
describe('Spark HA mechanisms on ZooKeeper', () => {
  let cluster: LocalCluster;
  let topology: ClusterTopology;
  let zk: ZooKeeperSession;
  let latchPath: string;

  beforeAll(async () => {
    ({ cluster, topology } = await startTestCluster({ zookeeperCount: 3, masterCount: 2, workerCount: 2 }));
    zk = await openClusterSession(cluster, topology);
    latchPath = leaderElectionPath(topology.sparkZooKeeperDir);
  });

  afterAll(async () => {
    zk?.close();
    await cluster?.down();
  });

  /** Runs the master's rendered latch release as its supervisor would, on its properties (rewritten by `change`). */
  async function runRelease(master: MasterNode, change?: (properties: string) => string): Promise<{ code: number; stderr: string }> {
    let script = readFileSync(path.join(nodeDir(cluster.paths.clusterDir, master.name), 'bin', 'release-spark-master-latch'), 'utf8');
    if (change) {
      const properties = /'?([^' ]+spark-master\.properties)'?\s*$/.exec(script)![1]!;
      const changed = `${properties}.changed`;
      writeFileSync(changed, change(readFileSync(properties, 'utf8')));
      script = script.replace(properties, changed);
    }
    const result = await $({ nothrow: true, quiet: true, input: script })`sh -s`;
    return { code: result.exitCode ?? -1, stderr: result.stderr };
  }

  /** Starts one of a node's rendered launchers as a child of the test (the roles render it; systemd runs it on VMs). */
  function spawnRendered(node: string, launcher: string) {
    return spawn('sh', [path.join(nodeDir(cluster.paths.clusterDir, node), 'bin', launcher)], { stdio: 'ignore' });
  }

  async function healthOf(url: string): Promise<{ status: number; state: string } | string> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      return { status: response.status, state: ((await response.json()) as { ApplicationHealthState: string }).ApplicationHealthState };
    } catch (error) {
      return (error as Error).message;
    }
  }

  async function executorsOn(workerHost: string): Promise<number> {
    const worker = (await httpGetJson(`http://${workerHost}:8081/json/`, 5000)) as { executors: unknown[] };
    return worker.executors.length;
  }

  async function workerStateAtTheAliveMaster(workerHost: string): Promise<string | undefined> {
    const alive = await theAliveMasterNode(topology);
    const state = (await httpGetJson(`http://${alive.host}:${alive.webUiPort}/json/`, 5000)) as { workers: { host: string; state: string }[] };
    return state.workers.find((worker) => worker.host === workerHost && worker.state !== 'DEAD')?.state;
  }

  // Each test starts from a healthy cluster: every master running, one ALIVE, every worker back.
  beforeEach(async () => {
    for (const master of topology.masters) await cluster.nodeOperations().start(master);
    await expect.poll(async () => (await cluster.describe(topology)).healthy, { timeout: 60_000, interval: 250 }).toBe(true);
    // No session of an earlier test's dead master left to expire: two per master (latch, persistence) and ours.
    await expect.poll(() => globalSessions(topology), { timeout: 30_000, interval: 250 }).toBe(2 * topology.masters.length + 1);
  });

  it("Spark's 60 s session request is clamped to our maxSessionTimeout of 6 s", async () => {
    const owners = new Set((await readLeaderLatch(zk, latchPath)).map((node) => node.owner));
    expect(owners.size).toBe(2);
    const connections = (await Promise.all(topology.zookeepers.map((server) => sendFourLetterWord(zookeeperClientAddress(server), 'cons', 2000)))).flatMap(parseCons);
    const masterSessions = connections.filter((connection) => connection.sessionId && owners.has(BigInt(connection.sessionId)));
    expect(masterSessions).toHaveLength(2);
    for (const session of masterSessions) expect(session.sessionTimeoutMs).toBe(6000);
  });

  it("a hard-killed leader's latch node outlives its process; the standby leads only once the session expires", async () => {
    const leader = await theAliveMasterNode(topology);
    const latchBefore = await readLeaderLatch(zk, latchPath);
    await cluster.nodeOperations().kill(leader);
    // Right after the kill: the process is gone but ZooKeeper still holds its latch node, so nobody leads.
    const latchAfterKill = await readLeaderLatch(zk, latchPath);
    expect(latchAfterKill.map((node) => node.name).sort()).toEqual(latchBefore.map((node) => node.name).sort());
    expect((await mastersByStatus(topology)).STANDBY).toHaveLength(1);
    // The server notices the closed connection a moment after the kill: wait for it, well within the 6 s session.
    let deadOwner: (typeof latchAfterKill)[number] | undefined;
    const detached = async () => {
      const sessions = await connectedSessions(topology.zookeepers.map(zookeeperClientAddress));
      deadOwner = latchAfterKill.find((node) => !sessions.has(node.owner));
      return deadOwner;
    };
    await expect.poll(detached, { timeout: 3000, interval: 50, message: 'the killed leader’s session is attached to no server' }).toBeDefined();
    // Then the session expires, the node goes, and the standby takes over.
    await expect.poll(async () => (await readLeaderLatch(zk, latchPath)).some((node) => node.name === deadOwner!.name), { timeout: 30_000, interval: 200 }).toBe(false);
    await expect.poll(async () => (await mastersByStatus(topology)).ALIVE?.length ?? 0, { timeout: 30_000, interval: 200 }).toBe(1);
  });

  it('a crashed leader JVM leaves its latch node behind; its supervisor releases it, the standby leads at once and the crashed master returns as STANDBY', async () => {
    const leader = await theAliveMasterNode(topology);
    const leaderNode = inLineOrder(await readLeaderLatch(zk, latchPath))[0]!;
    const sessionsBefore = await globalSessions(topology);
    const logSize = statSync(cluster.logFile(leader)).size;
    await cluster.nodeOperations().crash(leader);
    await expect.poll(async () => (await mastersByStatus(topology)).ALIVE?.[0]?.name, { timeout: 30_000, interval: 50 }).toBeDefined();
    expect((await mastersByStatus(topology)).ALIVE![0]!.name).not.toBe(leader.name);
    // Spark left the node (the release found one to remove); the release, not the expiry, took it away:
    // the dead master's sessions still exist.
    // The release prints its line after closing its own session, which may come after the takeover.
    const logSince = () => readFileSync(cluster.logFile(leader)).subarray(logSize).toString('utf8');
    await expect.poll(logSince, { timeout: 10_000, interval: 100 }).toContain(`removed 1 latch node(s) of ${leader.host}:${leader.port}`);
    expect(logSince()).toMatch(/run-spark-master exited with status 137/);
    expect((await readLeaderLatch(zk, latchPath)).map((node) => node.name)).not.toContain(leaderNode.name);
    expect(await globalSessions(topology)).toBeGreaterThanOrEqual(sessionsBefore);
    await expect.poll(async () => (await mastersByStatus(topology)).STANDBY?.map((master) => master.name), { timeout: 60_000, interval: 250 }).toEqual([leader.name]);
  });

  it('the stop-first handover (Spark’s own election, whose latch nodes name no master: stop, then remove the orphaned latch node) makes the standby ALIVE before the old sessions expire', async () => {
    const leader = await theAliveMasterNode(topology);
    const sessionsBefore = await globalSessions(topology);
    const result = await handOverLeadership({
      master: leader,
      // No successor to wait for: the handover stops first, as it does with Spark's own election.
      successors: [],
      operations: cluster.nodeOperations(),
      zk,
      zookeepers: topology.zookeepers.map(zookeeperClientAddress),
      sparkZooKeeperDir: topology.sparkZooKeeperDir,
      log: silentLog,
    });
    // The stop ran the node's after-exit release (ExecStopPost=), so the latch was gone before the handover looked.
    expect(result.note).toBe('latch node released by the node’s supervisor');
    await expect.poll(async () => (await mastersByStatus(topology)).ALIVE?.[0]?.name, { timeout: 30_000, interval: 50 }).toBeDefined();
    expect((await mastersByStatus(topology)).ALIVE![0]!.name).not.toBe(leader.name);
    // The stopped master's two sessions (leader election, persistence) still exist: nothing waited for them.
    expect(await globalSessions(topology)).toBe(sessionsBefore);
  });

  it("the release never takes a live master's latch node, nor any when a ZooKeeper server cannot be asked", async () => {
    const latchBefore = (await readLeaderLatch(zk, latchPath)).map((node) => node.name).sort();
    for (const master of topology.masters) {
      const release = await runRelease(master);
      expect(release.code, release.stderr).toBe(0);
      expect(release.stderr).toContain(`removed 0 latch node(s) of ${master.host}:${master.port}`);
    }
    expect((await readLeaderLatch(zk, latchPath)).map((node) => node.name).sort()).toEqual(latchBefore);
    // A lost host (the supervisor died with it) leaves an orphaned node; with one server unreachable the
    // release cannot tell whether its owner is attached there, and leaves it.
    const standby = (await mastersByStatus(topology)).STANDBY![0]!;
    await cluster.nodeOperations().kill(standby);
    const blind = await runRelease(standby, (properties) => properties.replace(/^(spark\.deploy\.zookeeper\.url=.*)$/m, '$1,127.0.0.19:2181'));
    expect(blind.code).toBe(1);
    expect(blind.stderr).toMatch(/nothing released .*127\.0\.0\.19/);
    expect((await readLeaderLatch(zk, latchPath)).map((node) => node.name).sort()).toEqual(latchBefore);
    const release = await runRelease(standby);
    expect(release.stderr).toContain(`removed 1 latch node(s) of ${standby.host}:${standby.port}`);
    expect(await readLeaderLatch(zk, latchPath)).toHaveLength(latchBefore.length - 1);
  });

  it('a standby killed with its host and restarted at once leaves a stale latch node behind it until its old session expires', async () => {
    const standby = (await mastersByStatus(topology)).STANDBY![0]!;
    const before = await readLeaderLatch(zk, latchPath);
    await cluster.nodeOperations().kill(standby);
    await cluster.nodeOperations().start(standby);
    await expect.poll(async () => (await readLeaderLatch(zk, latchPath)).length, { timeout: 30_000, interval: 200 }).toBe(before.length + 1);
    await expect.poll(async () => (await readLeaderLatch(zk, latchPath)).length, { timeout: 30_000, interval: 200 }).toBe(before.length);
    expect((await mastersByStatus(topology)).STANDBY?.map((master) => master.name)).toEqual([standby.name]);
  });

  it('a destroyed standby master is re-created by reconcile through the boot path and rejoins as STANDBY; no other process is touched', async () => {
    const standby = (await mastersByStatus(topology)).STANDBY![0]!;
    const others = allNodes(topology).filter((node) => node.name !== standby.name);
    const pidsBefore = others.map((node) => cluster.processes.pid(node));
    await cluster.destroy(standby);
    expect(existsSync(nodeDir(cluster.paths.clusterDir, standby.name))).toBe(false);
    const result = await cluster.reconcile();
    expect(result).toMatchObject({ reconciled: [standby.name], rendered: [standby.name] });
    // It configured itself from its custom data, as a re-created VM does: nothing pushed to it.
    const root = nodeDir(cluster.paths.clusterDir, standby.name);
    expect(readFileSync(path.join(root, 'var/lib/cloud/instance/user-data.txt'), 'utf8')).toMatch(/^#cloud-config\n/);
    expect(JSON.parse(readFileSync(path.join(root, 'var/lib/spark-azure/booted.json'), 'utf8'))).toMatchObject({ name: standby.name, role: 'master' });
    expect((await mastersByStatus(topology)).STANDBY?.map((master) => master.name)).toEqual([standby.name]);
    expect(others.map((node) => cluster.processes.pid(node))).toEqual(pidsBefore);
  });

  it('a destroyed ZooKeeper follower comes back with its myid and an empty database it does not trust, syncs, and loses no acknowledged write', async () => {
    const leader = zookeeperLeader(await probeCluster(probeAddressesOf(topology), 1000))!;
    const follower = topology.zookeepers.find((server) => formatHostPort(zookeeperClientAddress(server)) !== leader.address)!;
    const writer = await SequencedWriter.start(topologyZooKeeperConnect(topology), '/reconcile-test', { clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) });
    try {
      await expect.poll(() => writer.acknowledged.length, { timeout: 10_000 }).toBeGreaterThan(20);
      const others = allNodes(topology).filter((node) => node.name !== follower.name);
      const pidsBefore = others.map((node) => cluster.processes.pid(node));
      const leaderNode = topology.zookeepers.find((server) => formatHostPort(zookeeperClientAddress(server)) === leader.address)!;
      const leaderLogBefore = statSync(cluster.logFile(leaderNode)).size;
      await cluster.destroy(follower);
      const result = await cluster.reconcile();
      expect(result).toMatchObject({ reconciled: [follower.name], rendered: [follower.name] });
      // Seen from the leader: the server came back with no transaction at all (last zxid -1), and was given
      // the whole snapshot; a follower counts in the leader's quorum only once it has acknowledged that sync.
      const leaderLogSince = readFileSync(cluster.logFile(leaderNode)).subarray(leaderLogBefore).toString('utf8');
      expect(leaderLogSince).toMatch(/Sending snapshot last zxid of peer is 0xffffffffffffffff/);
      expect(others.map((node) => cluster.processes.pid(node))).toEqual(pidsBefore);
      const dataDir = path.join(nodeDir(cluster.paths.clusterDir, follower.name), 'data');
      expect(readFileSync(path.join(dataDir, 'myid'), 'utf8').trim()).toBe(String(follower.id));
      // Not a first start: no initialize file was left for it, so ZooKeeper took its empty tree as missing data
      // (zxid -1), which neither leads nor votes until the leader has synced it.
      expect(existsSync(path.join(dataDir, 'initialize'))).toBe(false);
      expect(readFileSync(cluster.logFile(follower), 'utf8')).toContain('Unexpected empty data tree, setting zxid to -1');
      await expect.poll(async () => (await sendFourLetterWord(zookeeperClientAddress(follower), 'srvr', 2000)).includes('Mode: follower'), { timeout: 10_000 }).toBe(true);
    } finally {
      await writer.stop();
    }
    // Every write acknowledged before, during and after the re-creation is on the re-created server itself.
    await expect.poll(() => writer.missing(formatHostPort(zookeeperClientAddress(follower))), { timeout: 10_000, interval: 500 }).toEqual([]);
  });

  it('the ensemble grows 3 → 5 and shrinks back to 3 a server at a time: no server restarted, no acknowledged write lost, the ALIVE master kept, and the masters follow', async () => {
    const alive = (await theAliveMasterNode(topology)).name;
    const staying = [...topology.zookeepers, ...topology.masters];
    const pidsBefore = staying.map((node) => cluster.processes.pid(node));
    const env = { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir };
    const writer = await SequencedWriter.start(topologyZooKeeperConnect(topology), '/ensemble-resize-test', { clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) });
    let grow: { exitCode: number | null; stdout: string; stderr: string } | undefined;
    let votersWhenGrown: (string | undefined)[] = [];
    let shrink: Awaited<ReturnType<typeof runGithubAction>> | undefined;
    let samples: string[][] = [];
    try {
      await expect.poll(() => writer.acknowledged.length, { timeout: 10_000 }).toBeGreaterThan(20);
      ({ samples } = await recordMasterStatuses(
        topology,
        async () => {
          // Grown through the command line, shrunk through the rolling-update action's bundle.
          grow = await $({
            nothrow: true,
            quiet: true,
            env: { ...process.env, ...env },
          })`${process.execPath} ${path.join(ROOT, 'dist', 'cli.cjs')} local resize-ensemble --zookeeper-count 5 --json`;
          votersWhenGrown = await Promise.all(
            localTopology({ zookeeperCount: 5, masterCount: 2, workerCount: 2 }).zookeepers.map(async (server) => {
              const membership = await readMembership(zookeeperClientAddress(server)).catch(() => undefined);
              return membership && voterIds(membership).join(',');
            }),
          );
          shrink = await runGithubAction('rolling-update', { masters: topologyMasterUrl(topology), zookeeperServers: '3' }, env);
        },
        1000,
      ));
    } finally {
      await writer.stop();
    }
    expect(grow!.exitCode, grow!.stderr).toBe(0);
    const grown = JSON.parse(grow!.stdout) as ResizeReport;
    expect(grown.steps.map((step) => `${step.change} ${step.server}`)).toEqual(['add zk4', 'add zk5']);
    expect(votersWhenGrown).toEqual(Array(5).fill('1,2,3,4,5'));
    expect(shrink!.exitCode, shrink!.stdout).toBe(0);
    expect(shrink!.outputs.ensembleVoters).toBe('1,2,3');
    const shrunk = JSON.parse(readFileSync(shrink!.outputs.report!, 'utf8')) as ResizeReport;
    expect(shrunk.steps.map((step) => `${step.change} ${step.server}`)).toEqual(['remove zk5', 'remove zk4']);

    // Throughout: one ALIVE master, the same one, and no server or master restarted.
    expect(samples.length).toBeGreaterThan(50);
    expect(samples.filter((sample) => sample.filter((status) => status === 'ALIVE').length !== 1)).toEqual([]);
    expect((await theAliveMasterNode(topology)).name).toBe(alive);
    expect(staying.map((node) => cluster.processes.pid(node))).toEqual(pidsBefore);
    expect(await writer.missing(topologyZooKeeperConnect(topology)), 'acknowledged writes lost').toEqual([]);
    // The removed servers are gone, and the cluster is its three-server self again.
    expect((await cluster.topology()).zookeepers.map((server) => server.name)).toEqual(['zk1', 'zk2', 'zk3']);
    for (const removed of ['zk4', 'zk5']) expect(existsSync(nodeDir(cluster.paths.clusterDir, removed))).toBe(false);
    expect((await cluster.describe(topology)).healthy).toBe(true);
    // Spark's Curator clients followed the membership without a restart (ensemble tracking).
    for (const master of topology.masters) expect(readFileSync(cluster.logFile(master), 'utf8')).toMatch(CURATOR_FOLLOWED_FIVE);
  });

  it('a resize halts before adding a joiner that never follows the leader: no reconfig, the membership unchanged, the lock released', async () => {
    const servers = localTopology({ zookeeperCount: 5, masterCount: 2, workerCount: 2 }).zookeepers;
    const changes: string[] = [];
    // A joiner whose start did nothing: it never answers, so it must never be added.
    const access: EnsembleAccess = {
      startJoiner: async () => undefined,
      reconfigure: async (through, change) => {
        changes.push(reconfigureArguments(change).join(' '));
        return '';
      },
      retire: async () => undefined,
    };
    await expect(
      resizeEnsemble(servers, [1, 2, 3, 4, 5], access, { log: silentLog, gateTimeoutMs: 2000, lockWaitMs: 5000, clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir) }),
    ).rejects.toThrow(/^ZooKeeper server zk4: expected to follow the leader \(synced\) within 2 s, found no answer/);
    expect(changes).toEqual([]);
    for (const server of topology.zookeepers) expect(voterIds((await readMembership(zookeeperClientAddress(server)))!)).toEqual([1, 2, 3]);
    const lock = await MaintenanceLock.acquire(zk, 'resize halt test', { waitMs: 0 });
    await lock.release();
  });

  it("a worker's health endpoint answers Healthy while the ALIVE master has it, Unhealthy once it has not, and Healthy when no master leads", async () => {
    const worker = topology.workers[0]!;
    const health = `http://${worker.host}:8091/health`;
    const endpoint = spawnRendered(worker.name, 'run-spark-worker-health');
    // Pointed at masters that do not answer: no ALIVE master to judge by, so no reason to replace the worker.
    const blind = $({
      nothrow: true,
      quiet: true,
    })`python3 ${path.join(ROOT, 'infra/ansible/roles/spark_worker/files/spark-azure-worker-health.py')} --bind ${worker.host} --port 8092 --worker-host ${worker.host} --masters http://127.0.0.29:8080`;
    try {
      await expect.poll(() => healthOf(health), { timeout: 15_000, interval: 250 }).toEqual({ status: 200, state: 'Healthy' });
      await expect.poll(() => healthOf(`http://${worker.host}:8092/health`), { timeout: 15_000, interval: 250 }).toEqual({ status: 200, state: 'Healthy' });
      await cluster.nodeOperations().stop(worker);
      await expect.poll(() => healthOf(health), { timeout: 60_000, interval: 500 }).toEqual({ status: 503, state: 'Unhealthy' });
      await cluster.nodeOperations().start(worker);
      await expect.poll(() => healthOf(health), { timeout: 60_000, interval: 500 }).toEqual({ status: 200, state: 'Healthy' });
    } finally {
      endpoint.kill('SIGTERM');
      blind.kill('SIGTERM');
      await blind;
    }
  });

  it('a Terminate scheduled event decommissions the worker: its executors leave, the running job finishes, and only then is the event approved', async () => {
    const worker = topology.workers[0]!;
    const job = await startLongJob(cluster, topologyMasterUrl(topology), 20);
    const imds = await startImdsStandIn({ name: 'vmss-workers_3', address: worker.host });
    try {
      await expect.poll(() => executorsOn(worker.host), { timeout: 60_000, interval: 250 }).toBeGreaterThan(0);
      imds.schedule({ EventId: 'A1B2C3D4-0001', EventType: 'Terminate', Resources: ['vmss-workers_3'] });
      imds.schedule({ EventId: 'A1B2C3D4-0002', EventType: 'Terminate', Resources: ['vmss-workers_7'] });
      const jvm = String(cluster.processes.programPid(worker));
      const handler = await $({
        nothrow: true,
        quiet: true,
      })`python3 ${path.join(ROOT, 'infra/ansible/roles/spark_azure_node/files/spark-azure-scheduled-events.py')} --imds ${imds.url} --pid ${jvm} --once --decommission-timeout 120 --drain-interval 0.5 --decommission-program ${path.join(ROOT, 'infra/ansible/roles/spark_worker/files/spark-azure-decommission-worker.py')}`;
      expect(handler.exitCode, handler.stderr).toBe(0);
      expect(handler.stdout).toContain('Terminate scheduled for vmss-workers_3: decommissioning the Spark worker');
      expect(handler.stdout).toContain('decommissioned: no executor left');
      // Only this instance's event, approved once its executors had gone.
      expect(imds.approvals.map((approval) => approval.eventIds)).toEqual([['A1B2C3D4-0001']]);
      expect(await executorsOn(worker.host)).toBe(0);
      expect(await workerStateAtTheAliveMaster(worker.host)).toBe('DECOMMISSIONED');
      const finished = await job.result;
      expect(finished.exitCode, finished.stderr.slice(-2000)).toBe(0);
    } finally {
      job.kill();
      await imds.close();
      await cluster.nodeOperations().restart(worker);
    }
  });

  // The ALIVE master cut off from ZooKeeper but not from its workers and clients: the ensemble hands the
  // lead to the other master, and the cut-off one must have given it up by then (docs/failover.md).
  it('split brain: never two masters ALIVE together; the other takes over and a running job finishes', async () => {
    const run = await cutAliveMasterFromZooKeeper(cluster, 20);
    expect(run.samples.length).toBeGreaterThan(150);
    expect(run.longestOverlapSeconds).toBe(0);
    expect(run.samples.filter((sample) => sample.masters.filter((master) => master.status === 'ALIVE').length > 1)).toEqual([]);
    expect(run.otherAliveAfterSeconds).toBeDefined();
    expect(run.isolatedLeftAfterSeconds!).toBeLessThanOrEqual(run.otherAliveAfterSeconds!);
    expect(run.job.exitCode).toBe(0);
    expect(run.job.result.ok).toBe(true);
  });

  it("with spark-azure's election, the ALIVE master stays ALIVE while the ZooKeeper leader and its own server restart", async () => {
    const alive = await theAliveMasterNode(topology);
    // This cluster's earlier tests restarted masters: only what the log gains from here on counts.
    const logBefore = statSync(cluster.logFile(alive)).size;
    for (const pick of [(of: ClusterTopology) => serverOfAliveMaster(of, readLocalClusterSecret(cluster.paths.clusterDir)), zookeeperLeaderNode]) {
      const server = await pick(topology);
      const { samples } = await recordMasterStatuses(topology, () => cluster.nodeOperations().restart(server));
      expect(samples.length).toBeGreaterThan(5);
      expect(
        samples.every((sample) => sample.filter((status) => status === 'ALIVE').length === 1),
        `statuses: ${JSON.stringify(samples)}`,
      ).toBe(true);
      await expect.poll(async () => (await cluster.describe(topology)).healthy, { timeout: 60_000, interval: 250 }).toBe(true);
      expect((await theAliveMasterNode(topology)).name).toBe(alive.name);
    }
    expect(readFileSync(cluster.logFile(alive)).subarray(logBefore).toString('utf8')).not.toMatch(/exited with status/);
  });
});
