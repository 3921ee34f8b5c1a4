import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClusterState } from '../core/cluster/cluster-state.js';
import { type HealthReport, assessCluster, assessMasters, assessWorkers, assessZooKeeper, problemsOf } from '../core/cluster/health.js';
import { expectationsOf, nodeAddress, nodeState, probeAddressesOf } from '../core/cluster/node-states.js';
import {
  type ClusterNode,
  type ClusterTopology,
  type ZooKeeperNode,
  allNodes,
  findNode,
  masterWebUiUrl,
  topologyMasterUrl,
  topologyZooKeeperConnect,
} from '../core/cluster/topology.js';
import { ActionableError, ClusterStateError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import type { NodeOperationName, NodeOperations } from '../core/nodes/node-operations.js';
import { probeCluster } from '../core/cluster/cluster-probe.js';
import { sleep, waitUntil } from '../core/wait.js';
import { ensureLocalClusterSecret } from './local-cluster-secret.js';
import { type LocalBoot, bootLocalNodes, readConfigurationStore, writeClusterInventory, writeConfigurationStore } from './local-boot.js';
import { type LocalMonitoring, MONITORING_HOST, localMonitoringRunning, startLocalMonitoring, stopLocalMonitoring } from './local-monitoring.js';
import { ensureMonitoringTools } from '../tools/monitoring-tools.js';
import { LocalProcesses, launcherPath, logPath } from './local-processes.js';
import { LOCAL_CLUSTER_NAME, type LocalClusterShape, localTopology, validateShape } from './local-topology.js';
import { type LocalPaths, nodeDir } from './paths.js';
import { suiteContent } from '../tools/suite-content.js';
import { type Toolchain, ensureToolchain } from './toolchain.js';

/** What `up` leaves behind so that later commands (and other processes) know the cluster. */
interface LocalClusterRecord {
  readonly shape: LocalClusterShape;
  /** The role variables it was started with (e.g. stock ZooKeeper timeouts for a benchmark); the kept ones are in its configuration store. */
  readonly roleVariables: Readonly<Record<string, string>>;
  readonly clusterName: string;
  readonly topology: ClusterTopology;
  readonly toolchain: Toolchain;
  readonly createdAt: string;
  /** Prometheus, Alertmanager and the blackbox exporter beside the nodes (`up --monitoring`). */
  readonly monitoring?: LocalMonitoring;
}

export interface NodeDescription {
  readonly name: string;
  readonly role: ClusterNode['role'];
  readonly address: string;
  readonly pid: number | null;
  readonly state: string;
}

export interface LocalClusterDescription {
  readonly masterUrl: string;
  readonly zookeeperConnect: string;
  readonly masterUis: readonly string[];
  readonly healthy: boolean;
  readonly problems: readonly string[];
  readonly nodes: readonly NodeDescription[];
  readonly state: ClusterState;
}

export interface UpResult {
  readonly alreadyRunning: boolean;
  readonly description: LocalClusterDescription;
  readonly secondsToHealthy?: number;
  readonly monitoring?: LocalMonitoring;
}

export interface UpOptions {
  /** Also start Prometheus, Alertmanager and the blackbox exporter on loopback. */
  readonly monitoring?: boolean;
  /** A URL Alertmanager sends every alert to (with monitoring). */
  readonly alertWebhook?: string;
}

export interface ReconcileResult {
  /** Nodes that were not running and were started. */
  readonly reconciled: readonly string[];
  /** Of those, the ones whose configuration was gone and was rendered again. */
  readonly rendered: readonly string[];
  /** From the start of reconcile to every reconciled role counted healthy. */
  readonly seconds: number;
}

export interface ScaleResult {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** From the scale's start to the new workers ALIVE at the ALIVE master, or the leaving ones gone. */
  readonly seconds: number;
}

export const UP_TIMEOUTS_MS = { zookeeper: 60_000, masters: 90_000, workers: 90_000 };

/** How long a node started by hand is watched for exiting at once (the supervisor restarts after 1 s). */
const START_WATCH_MS = 2500;

export class LocalCluster {
  readonly processes: LocalProcesses;
  private readonly recordPath: string;

  constructor(
    readonly paths: LocalPaths,
    private readonly log: Log,
  ) {
    this.processes = new LocalProcesses(paths.clusterDir);
    this.recordPath = path.join(paths.clusterDir, 'cluster.json');
  }

  /**
   * Brings up a fresh cluster: ZooKeeper first, masters once the ensemble is healthy, workers once one
   * master is ALIVE. A cluster that already runs is left alone; a cluster that fails to come up is torn
   * down, its logs kept.
   */
  async up(shape: LocalClusterShape, roleVariables: Readonly<Record<string, string>> = {}, options: UpOptions = {}): Promise<UpResult> {
    const topology = localTopology(shape);
    const existing = await this.record();
    if (existing && this.runningNodes(existing.topology).length > 0) {
      if (!sameShape(existing.shape, shape) || !sameRoleVariables(existing.roleVariables ?? {}, roleVariables)) {
        throw new ClusterStateError(
          'Local cluster',
          `no cluster running, to start ${describeShape(shape)}${describeRoleVariables(roleVariables)}`,
          `${describeShape(existing.shape)}${describeRoleVariables(existing.roleVariables ?? {})} already running`,
          'Run `spark-azure local down` first, or omit the size and --role-variable options to use the running cluster.',
        );
      }
      const monitoring = options.monitoring && !localMonitoringRunning(this.processes) ? await this.startMonitoring(existing, options) : existing.monitoring;
      return { alreadyRunning: true, description: await this.describe(existing.topology), monitoring };
    }
    const toolchain = await ensureToolchain(suiteContent().root, this.paths.toolCache, this.log);
    const started = performance.now();
    await this.prepare(topology, toolchain, shape, roleVariables);
    try {
      for (const group of roleGroups(topology)) await this.startRole(group.nodes, topology, group.what, group.problems, group.timeoutMs);
    } catch (error) {
      await this.stopAll(topology);
      throw error;
    }
    const secondsToHealthy = (performance.now() - started) / 1000;
    let monitoring: LocalMonitoring | undefined;
    if (options.monitoring) {
      try {
        monitoring = await this.startMonitoring((await this.record())!, options);
      } catch (error) {
        await stopLocalMonitoring(this.processes);
        await this.stopAll(topology);
        throw error;
      }
    }
    return { alreadyRunning: false, description: await this.describe(topology), secondsToHealthy, monitoring };
  }

  /** Starts monitoring for the recorded cluster and records where it answers. */
  private async startMonitoring(record: LocalClusterRecord, options: UpOptions): Promise<LocalMonitoring> {
    const tools = await ensureMonitoringTools(this.paths.toolCache, this.log);
    this.log.info(`Starting monitoring on ${MONITORING_HOST}: the blackbox exporter, Alertmanager, Prometheus`);
    const monitoring = await startLocalMonitoring(
      { processes: this.processes, clusterDir: this.paths.clusterDir, monitoringDir: suiteContent().monitoringDir },
      record.topology,
      tools,
      { alertWebhook: options.alertWebhook },
    );
    await writeFile(this.recordPath, `${JSON.stringify({ ...record, monitoring }, null, 2)}\n`);
    return monitoring;
  }

  /** Where the running cluster's monitoring answers; undefined without it. */
  async monitoring(): Promise<LocalMonitoring | undefined> {
    const record = await this.record();
    return record?.monitoring && localMonitoringRunning(this.processes) ? record.monitoring : undefined;
  }

  /**
   * Keeps these role variables in the cluster's configuration store, merged into what it keeps, and
   * converges every node onto them through its boot, restarting nothing: the roles only mark nodes
   * restart-pending, and a rolling update restarts them. A node booted later gets them too.
   */
  async reconfigure(roleVariables: Readonly<Record<string, string>>): Promise<void> {
    const record = await this.existingRecord();
    await writeConfigurationStore(this.paths.clusterDir, { ...(await readConfigurationStore(this.paths.clusterDir)), ...roleVariables });
    await bootLocalNodes(this.bootContext(record), allNodes(record.topology));
  }

  /**
   * Removes a node entirely, as if its VM were deleted: its processes die with no shutdown (SIGKILL to the
   * group), then its configuration, data and logs go. `reconcile` brings it back.
   */
  async destroy(node: ClusterNode): Promise<void> {
    await this.processes.kill(node);
    await rm(nodeDir(this.paths.clusterDir, node.name), { recursive: true, force: true });
  }

  /**
   * A reimage, as Azure does one: the node shuts down (a worker decommissions first), its disk is wiped
   * (configuration, data and logs gone), and it boots again from its custom data, with its name and
   * address; resolves once its role counts it healthy again.
   */
  async reimage(node: ClusterNode): Promise<{ seconds: number }> {
    const record = await this.existingRecord();
    await this.processes.stop(node);
    await rm(nodeDir(this.paths.clusterDir, node.name), { recursive: true, force: true });
    const started = performance.now();
    await bootLocalNodes(this.bootContext(record), [node]);
    const group = roleGroupOf(record.topology, node.role);
    await this.startRole([node], record.topology, group.what, group.problems, group.timeoutMs);
    return { seconds: (performance.now() - started) / 1000 };
  }

  /**
   * The workers scaled to `workerCount`, as the scale set does: new workers (worker<n+1>, ...) boot from the
   * workers' custom data alone and start, and are waited for until the ALIVE master has them ALIVE; on
   * scale-in the newest go, each decommissioned first (its executors finish their tasks and leave), and
   * their directories with them.
   */
  async scale(workerCount: number): Promise<ScaleResult> {
    const record = await this.existingRecord();
    const shape = validateShape({ ...record.shape, workerCount });
    const target = localTopology(shape, record.clusterName);
    const current = record.topology.workers;
    const added = target.workers.filter((worker) => !current.some((existing) => existing.name === worker.name));
    const removed = current.filter((worker) => !target.workers.some((wanted) => wanted.name === worker.name));
    const topology = { ...record.topology, workers: [...current.filter((worker) => !removed.includes(worker)), ...added] };
    const updated: LocalClusterRecord = { ...record, shape, topology };
    const started = performance.now();
    if (added.length > 0) {
      await writeFile(this.recordPath, `${JSON.stringify(updated, null, 2)}\n`);
      this.log.info(`Scaling out: ${added.map((worker) => worker.name).join(', ')} boot from the workers' custom data`);
      await bootLocalNodes(this.bootContext(updated), added);
      const group = roleGroupOf(topology, 'worker');
      await this.startRole(added, topology, group.what, group.problems, group.timeoutMs);
    }
    if (removed.length > 0) {
      this.log.info(`Scaling in: ${removed.map((worker) => worker.name).join(', ')} decommission, then go`);
      await Promise.all(removed.map((worker) => this.processes.stop(worker)));
      await Promise.all(removed.map((worker) => rm(nodeDir(this.paths.clusterDir, worker.name), { recursive: true, force: true })));
      await writeFile(this.recordPath, `${JSON.stringify(updated, null, 2)}\n`);
    }
    return { added: added.map((worker) => worker.name), removed: removed.map((worker) => worker.name), seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Compares the recorded topology with what runs and brings back what is missing, touching nothing else:
   * a destroyed node's configuration is rendered again by the roles for that node only (as Ansible's
   * --limit does on Azure), then the missing nodes start, ZooKeeper first, and each role is waited for
   * until the cluster counts it healthy again (a ZooKeeper server synced at the leader, a master STANDBY,
   * a worker registered at the ALIVE master).
   */
  async reconcile(): Promise<ReconcileResult> {
    const record = await this.record();
    if (!record) throw new ClusterStateError('Local cluster', 'a cluster created by `spark-azure local up`', 'none', 'Run `npx spark-azure local up` first.');
    const { topology } = record;
    const missing = allNodes(topology).filter((node) => this.processes.pid(node) === undefined);
    const unconfigured = missing.filter((node) => !existsSync(launcherPath(this.paths.clusterDir, node)));
    const started = performance.now();
    if (unconfigured.length > 0) {
      this.log.info(`Booting ${unconfigured.map((node) => node.name).join(', ')} from their custom data`);
      await bootLocalNodes(this.bootContext(record), unconfigured);
    }
    for (const group of roleGroups(topology)) {
      const nodes = group.nodes.filter((node) => missing.includes(node));
      if (nodes.length > 0) await this.startRole(nodes, topology, group.what, group.problems, group.timeoutMs);
    }
    return { reconciled: missing.map((node) => node.name), rendered: unconfigured.map((node) => node.name), seconds: (performance.now() - started) / 1000 };
  }

  /**
   * Records these ZooKeeper servers as the cluster's (the shape, the topology and the inventory), rendering
   * and starting nothing: the ensemble's membership itself changes only by reconfig (resize-ensemble).
   */
  async recordZooKeepers(zookeepers: readonly ZooKeeperNode[]): Promise<void> {
    const record = await this.existingRecord();
    const topology = { ...record.topology, zookeepers: [...zookeepers] };
    const updated: LocalClusterRecord = { ...record, shape: { ...record.shape, zookeeperCount: zookeepers.length }, topology };
    await writeFile(this.recordPath, `${JSON.stringify(updated, null, 2)}\n`);
  }

  /** Boots these nodes again from custom data of the cluster as it is recorded now, starting and restarting nothing. */
  async render(nodes: readonly ClusterNode[]): Promise<void> {
    await bootLocalNodes(this.bootContext(await this.existingRecord()), nodes);
  }

  private bootContext(record: LocalClusterRecord): LocalBoot {
    return { clusterDir: this.paths.clusterDir, clusterName: record.clusterName, topology: record.topology, toolchain: record.toolchain, terraform: record.toolchain.terraform };
  }

  async status(): Promise<LocalClusterDescription | undefined> {
    const record = await this.record();
    return record && this.describe(record.topology);
  }

  /** Stops every node (workers, masters, then ZooKeeper) and proves no process is left. */
  async down(): Promise<{ stopped: string[] }> {
    const record = await this.record();
    const stopped = record ? this.runningNodes(record.topology).map((node) => node.name) : [];
    if (localMonitoringRunning(this.processes)) {
      await stopLocalMonitoring(this.processes);
      stopped.push('monitoring');
    }
    if (record) await this.stopAll(record.topology);
    await this.processes.killLeftovers();
    const left = this.processes.leftovers();
    if (left.length > 0) {
      throw new ActionableError('Local cluster', 'no process left after down', `pids ${left.join(', ')} still running`, `Kill them by hand: kill -9 ${left.join(' ')}`);
    }
    return { stopped };
  }

  async topology(): Promise<ClusterTopology> {
    const record = await this.record();
    if (!record) {
      throw new ClusterStateError('Local cluster', 'a cluster created by `spark-azure local up`', 'none', 'Run `npx spark-azure local up` first.');
    }
    return record.topology;
  }

  async node(name: string): Promise<ClusterNode> {
    const topology = await this.topology();
    const node = findNode(topology, name);
    if (!node) {
      throw new ClusterStateError(
        `Node '${name}'`,
        `one of ${allNodes(topology)
          .map((n) => n.name)
          .join(', ')}`,
        `'${name}'`,
        'Use a name from `spark-azure local status`.',
      );
    }
    return node;
  }

  async logs(name: string, lines: number): Promise<string> {
    const node = await this.node(name);
    const file = logPath(this.paths.clusterDir, node);
    if (!existsSync(file)) return '';
    const text = await readFile(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  }

  logFile(node: ClusterNode): string {
    return logPath(this.paths.clusterDir, node);
  }

  /**
   * One operation asked for by a person: refused when it would do nothing (starting a running node,
   * stopping or killing a stopped one), and a start is watched for a moment: a node whose launcher exits
   * at once is stopped again rather than left in a restart loop, and its log's end is the error.
   */
  async actOnNode(operation: NodeOperationName, node: ClusterNode): Promise<void> {
    const pid = this.processes.pid(node);
    if (operation === 'start' && pid !== undefined) {
      throw new ClusterStateError(`Node ${node.name}`, 'a stopped node to start', `it running (pid ${pid})`, `Use \`spark-azure local node restart ${node.name}\` to restart it.`);
    }
    if ((operation === 'stop' || operation === 'kill' || operation === 'crash') && pid === undefined) {
      throw new ClusterStateError(`Node ${node.name}`, `a running node to ${operation}`, 'no process', 'See `spark-azure local status`.');
    }
    const log = this.logFile(node);
    const logBefore = existsSync(log) ? statSync(log).size : 0;
    await this.nodeOperations()[operation](node);
    if (operation !== 'start' && operation !== 'restart') return;
    await sleep(START_WATCH_MS);
    const since = existsSync(log) ? readFileSync(log).subarray(logBefore).toString('utf8') : '';
    if (/spark-azure supervisor: .* exited with status/.test(since) || this.processes.pid(node) === undefined) {
      await this.processes.stop(node);
      throw new ClusterStateError(
        `Node ${node.name}`,
        'to keep running after its start',
        `it exited at once: ${since.trim().split('\n').slice(-3).join(' | ')}`,
        `Stopped it again; read \`spark-azure local logs ${node.name}\`.`,
      );
    }
  }

  /** Acting on single nodes of this cluster: what drills and rolling updates use. */
  nodeOperations(): NodeOperations {
    return {
      start: async (node) => void (await this.processes.start(node)),
      stop: (node) => this.processes.stop(node),
      kill: (node) => this.processes.kill(node),
      crash: (node) => this.processes.crash(node),
      pause: (node) => this.processes.pause(node),
      restart: async (node) => {
        await this.processes.stop(node);
        await this.processes.start(node);
      },
    };
  }

  async describe(topology: ClusterTopology): Promise<LocalClusterDescription> {
    const state = await probeCluster(probeAddressesOf(topology));
    const health: HealthReport = assessCluster(state, expectationsOf(topology));
    return {
      masterUrl: topologyMasterUrl(topology),
      zookeeperConnect: topologyZooKeeperConnect(topology),
      masterUis: topology.masters.map(masterWebUiUrl),
      healthy: health.healthy,
      problems: problemsOf(health),
      nodes: allNodes(topology).map((node) => ({
        name: node.name,
        role: node.role,
        address: nodeAddress(node),
        pid: this.processes.pid(node) ?? null,
        state: nodeState(node, state),
      })),
      state,
    };
  }

  private async prepare(topology: ClusterTopology, toolchain: Toolchain, shape: LocalClusterShape, roleVariables: Readonly<Record<string, string>>): Promise<void> {
    // A fresh cluster every time: stale Spark state in ZooKeeper would hold a new master in RECOVERING.
    await this.processes.killLeftovers();
    await keepPreviousLogs(this.paths.clusterDir);
    await rm(path.join(this.paths.clusterDir, 'nodes'), { recursive: true, force: true });
    await mkdir(this.paths.clusterDir, { recursive: true });
    const record: LocalClusterRecord = { shape, roleVariables, clusterName: LOCAL_CLUSTER_NAME, topology, toolchain, createdAt: new Date().toISOString() };
    await writeFile(this.recordPath, `${JSON.stringify(record, null, 2)}\n`);
    await writeConfigurationStore(this.paths.clusterDir, roleVariables);
    await ensureLocalClusterSecret(this.paths.clusterDir);
    this.log.info('Booting every node from its custom data (the node-boot module, then spark-azure-boot)');
    await bootLocalNodes(this.bootContext(record), allNodes(topology));
    await writeClusterInventory(this.bootContext(record), allNodes(topology), path.join(this.paths.clusterDir, 'inventory.yml'));
  }

  private async startRole(nodes: readonly ClusterNode[], topology: ClusterTopology, what: string, problems: (state: ClusterState) => string[], timeoutMs: number): Promise<void> {
    this.log.info(`Starting ${what}: ${nodes.map((node) => `${node.name} (${node.host})`).join(', ')}`);
    for (const node of nodes) await this.processes.start(node);
    const result = await waitUntil(
      () => probeCluster(probeAddressesOf(topology), 1000),
      (state) => problems(state).length === 0,
      {
        timeoutMs,
        intervalMs: 250,
      },
    );
    if (!result.satisfied) {
      const dead = nodes.filter((node) => this.processes.pid(node) === undefined).map((node) => node.name);
      throw new ClusterStateError(
        what,
        `healthy within ${timeoutMs / 1000} s`,
        problems(result.last).join('; ') + (dead.length > 0 ? `; exited: ${dead.join(', ')}` : ''),
        `Read the node logs under ${path.join(this.paths.clusterDir, 'nodes')}/<node>/logs/ (kept after this failure).`,
      );
    }
    this.log.info(`${what} healthy after ${(result.elapsedMs / 1000).toFixed(1)} s`);
  }

  private async stopAll(topology: ClusterTopology): Promise<void> {
    for (const group of [topology.workers, topology.masters, topology.zookeepers]) {
      await Promise.all(group.map((node) => this.processes.stop(node)));
    }
  }

  private runningNodes(topology: ClusterTopology): ClusterNode[] {
    return allNodes(topology).filter((node) => this.processes.pid(node) !== undefined);
  }

  private async existingRecord(): Promise<LocalClusterRecord> {
    const record = await this.record();
    if (!record) throw new ClusterStateError('Local cluster', 'a cluster created by `spark-azure local up`', 'none', 'Run `npx spark-azure local up` first.');
    return record;
  }

  private async record(): Promise<LocalClusterRecord | undefined> {
    if (!existsSync(this.recordPath)) return undefined;
    try {
      return JSON.parse(await readFile(this.recordPath, 'utf8')) as LocalClusterRecord;
    } catch (error) {
      throw new ClusterStateError(
        `Local cluster record ${this.recordPath}`,
        'the JSON that `spark-azure local up` writes',
        `unreadable JSON (${(error as Error).message})`,
        'Stop any node still running by hand if needed, remove the file, and run `npx spark-azure local up`.',
      );
    }
  }
}

/** The roles in start order, each with what a healthy start of it means and how long it may take. */
function roleGroups(topology: ClusterTopology) {
  return [
    {
      nodes: topology.zookeepers,
      what: 'ZooKeeper ensemble',
      problems: (state: ClusterState) => assessZooKeeper(state, topology.zookeepers.length),
      timeoutMs: UP_TIMEOUTS_MS.zookeeper,
    },
    { nodes: topology.masters, what: 'Spark masters', problems: (state: ClusterState) => assessMasters(state, topology.masters.length), timeoutMs: UP_TIMEOUTS_MS.masters },
    { nodes: topology.workers, what: 'Spark workers', problems: (state: ClusterState) => assessWorkers(state, expectationsOf(topology)), timeoutMs: UP_TIMEOUTS_MS.workers },
  ];
}

function roleGroupOf(topology: ClusterTopology, role: ClusterNode['role']) {
  return roleGroups(topology)[['zookeeper', 'master', 'worker'].indexOf(role)]!;
}

function sameShape(a: LocalClusterShape, b: LocalClusterShape): boolean {
  return a.zookeeperCount === b.zookeeperCount && a.masterCount === b.masterCount && a.workerCount === b.workerCount;
}

function sameRoleVariables(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function describeRoleVariables(roleVariables: Readonly<Record<string, string>>): string {
  const entries = Object.entries(roleVariables);
  return entries.length === 0 ? '' : ` with ${entries.map(([key, value]) => `${key}=${value}`).join(', ')}`;
}

function describeShape(shape: LocalClusterShape): string {
  return `${shape.zookeeperCount} ZooKeeper servers, ${shape.masterCount} masters and ${shape.workerCount} workers`;
}

const KEPT_RUNS = 3;

/**
 * Moves the last cluster's node logs to `previous-logs/<time>/<node>/` before a fresh start wipes the
 * nodes: they are the evidence when something failed. The newest KEPT_RUNS are kept.
 */
export async function keepPreviousLogs(clusterDir: string): Promise<void> {
  const nodes = path.join(clusterDir, 'nodes');
  if (!existsSync(nodes)) return;
  const previous = path.join(clusterDir, 'previous-logs');
  const target = path.join(previous, new Date().toISOString().replace(/[:.]/g, '-'));
  for (const node of await readdir(nodes)) {
    const logs = path.join(nodes, node, 'logs');
    if (existsSync(logs)) {
      await mkdir(target, { recursive: true });
      await rename(logs, path.join(target, node));
    }
  }
  const runs = existsSync(previous) ? (await readdir(previous)).sort() : [];
  for (const old of runs.slice(0, Math.max(0, runs.length - KEPT_RUNS))) await rm(path.join(previous, old), { recursive: true, force: true });
}
