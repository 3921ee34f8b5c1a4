import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClusterNode, NodeRole } from '../core/cluster/topology.js';
import { ActionableError, ClusterStateError } from '../core/errors.js';
// Its own waits are bounded and not cut short by a cancel: a half-stopped node is worse than a wait.
import { setTimeout as sleep } from 'node:timers/promises';
import { CLUSTER_MARKER } from '../tools/child-processes.js';
import { nodeDir } from './paths.js';

const LAUNCHERS: Record<NodeRole, string> = {
  zookeeper: 'run-zookeeper',
  master: 'run-spark-master',
  worker: 'run-spark-worker',
};

/** What systemd's `ExecStopPost=` runs on the VMs, per role: run here too, after each exit of the launcher. */
const AFTER_EXIT: Partial<Record<NodeRole, string>> = {
  master: 'release-spark-master-latch',
};

/** What systemd's `ExecStop=` runs on the VMs, per role, given the program's pid: run here too, before a stop. */
const BEFORE_STOP: Partial<Record<NodeRole, string>> = {
  worker: 'decommission-spark-worker',
};

/** How long a stop may take before the node's processes are killed: a worker drains its executors first. */
const STOP_GRACE_MS: Record<NodeRole, number> = { zookeeper: 15_000, master: 15_000, worker: 330_000 };

export function launcherPath(clusterDir: string, node: ClusterNode): string {
  return path.join(nodeDir(clusterDir, node.name), 'bin', LAUNCHERS[node.role]);
}

/** The node's program of that kind when its role has one and the roles rendered it (it may be switched off). */
function rolePath(clusterDir: string, node: ClusterNode, programs: Partial<Record<NodeRole, string>>): string | undefined {
  const program = programs[node.role];
  const file = program && path.join(nodeDir(clusterDir, node.name), 'bin', program);
  return file && existsSync(file) ? file : undefined;
}

export function logPath(clusterDir: string, node: Pick<ClusterNode, 'name'>): string {
  return path.join(nodeDir(clusterDir, node.name), 'logs', `${node.name}.log`);
}

function pidPath(clusterDir: string, node: Pick<ClusterNode, 'name'>): string {
  return path.join(nodeDir(clusterDir, node.name), 'pid');
}

/**
 * systemd's `Restart=always`, `ExecStop=` and `ExecStopPost=` for the local cluster: the launcher runs under a
 * small shell supervisor that, each time it exits (a crash, or a Spark master giving up its leadership with
 * status 0), logs the exit status, runs the after-exit program if any, and restarts it one second later.
 * SIGTERM to the supervisor is `systemctl stop`: the before-stop program first (a worker decommissions), then
 * SIGTERM to the launcher, then the after-exit program. SIGKILL to the group is the loss of the whole host:
 * nothing runs after it and the node stays down.
 */
const SUPERVISOR = [
  'launcher=$1; after_exit=${2:-}; before_stop=${3:-}; child=',
  'after() { [ -z "$after_exit" ] || "$after_exit" || echo "spark-azure supervisor: $(basename "$after_exit") failed" >&2; }',
  'before() { [ -z "$before_stop" ] || [ -z "$child" ] || "$before_stop" "$child" || echo "spark-azure supervisor: $(basename "$before_stop") failed" >&2; }',
  'trap \'trap - TERM INT; before; [ -n "$child" ] && kill -TERM "$child" 2>/dev/null; wait; after; exit 0\' TERM INT',
  'while :; do',
  '  "$launcher" & child=$!',
  '  wait "$child"; status=$?',
  '  echo "spark-azure supervisor: $(basename "$launcher") exited with status $status; restarting in 1 s (Restart=always)" >&2',
  '  after',
  '  sleep 1',
  'done',
].join('\n');

/**
 * Runs each node's launcher (rendered by the Ansible roles) under the supervisor, as a detached process
 * group, with its output appended to the node's log file. The pid file (the supervisor's pid) is the only
 * state; liveness is always re-checked.
 */
export class LocalProcesses {
  constructor(private readonly clusterDir: string) {}

  /**
   * Starts the node unless it already runs; returns its pid. `gid` runs it under another group, which a
   * firewall rule can match (`meta skgid`) to cut this one node off the network, as a partition would.
   */
  async start(node: ClusterNode, options: { gid?: number } = {}): Promise<number> {
    return this.startLauncher(node.name, launcherPath(this.clusterDir, node), {
      ...options,
      afterExit: rolePath(this.clusterDir, node, AFTER_EXIT),
      beforeStop: rolePath(this.clusterDir, node, BEFORE_STOP),
    });
  }

  /** Starts `launcher` as the process named `name` (a cluster node, or a monitoring program beside it). */
  async startLauncher(name: string, launcher: string, options: { gid?: number; afterExit?: string; beforeStop?: string } = {}): Promise<number> {
    const node = { name };
    const running = this.pid(node);
    if (running !== undefined) return running;
    const log = logPath(this.clusterDir, node);
    await mkdir(path.dirname(log), { recursive: true });
    const output = openSync(log, 'a');
    try {
      const child = spawn('sh', ['-c', SUPERVISOR, 'spark-azure-supervisor', launcher, options.afterExit ?? '', options.beforeStop ?? ''], {
        detached: true,
        stdio: ['ignore', output, output],
        env: { ...process.env, [CLUSTER_MARKER]: this.clusterDir, SPARK_AZURE_NODE: name },
        ...(options.gid === undefined ? {} : { gid: options.gid }),
      });
      child.unref();
      if (child.pid === undefined)
        throw new ActionableError(
          `Node ${name}`,
          `to start ${launcher}`,
          'no process (spawn gave no pid)',
          'Check that the launcher exists and is executable, and that the machine has free processes.',
        );
      await writeFile(pidPath(this.clusterDir, node), `${child.pid}\n`);
      return child.pid;
    } finally {
      closeSync(output);
    }
  }

  /** The node's pid while its process lives (zombies count as dead), else undefined. */
  pid(node: Pick<ClusterNode, 'name'>): number | undefined {
    const file = pidPath(this.clusterDir, node);
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isLiveProcessOf(pid, this.clusterDir) ? pid : undefined;
  }

  /**
   * `systemctl stop`: SIGTERM to the supervisor (its before-stop program, then the launcher), SIGKILL to the
   * group after the role's grace or `graceMs`, and to whatever of the group outlived the supervisor.
   * Resolves once every process is gone.
   */
  async stop(node: Pick<ClusterNode, 'name'> & Partial<Pick<ClusterNode, 'role'>>, graceMs = node.role ? STOP_GRACE_MS[node.role] : 15_000): Promise<void> {
    const pid = this.pid(node);
    if (pid === undefined) return;
    signalProcess(pid, 'SIGTERM');
    await this.waitForExit(pid, graceMs);
    killGroupMembers(pid);
    await this.waitForExit(pid, 5_000);
    await rm(pidPath(this.clusterDir, node), { force: true });
  }

  /**
   * SIGKILL to the node's program only (the launcher's process: spark-class and zkServer end in exec, so the
   * JVM): a crash, an OOM kill, while the host and its supervisor live on and restart it.
   */
  async crash(node: ClusterNode): Promise<void> {
    const program = this.programPid(node);
    if (program === undefined)
      throw new ClusterStateError(
        `Node ${node.name}`,
        'a running program (its JVM) to crash',
        'its supervisor between two starts of it',
        'Try again in a second, or kill the node instead.',
      );
    signalProcess(program, 'SIGKILL');
  }

  /** SIGSTOP to the node's program only: it holds its sockets and sessions open and does nothing. */
  async pause(node: ClusterNode): Promise<void> {
    const program = this.programPid(node);
    if (program === undefined)
      throw new ClusterStateError(`Node ${node.name}`, 'a running program (its JVM) to pause', 'its supervisor between two starts of it', 'Try again in a second.');
    signalProcess(program, 'SIGSTOP');
  }

  /** The pid of the node's program (the JVM) under its supervisor, while it runs. */
  programPid(node: Pick<ClusterNode, 'name'>): number | undefined {
    const pid = this.pid(node);
    return pid === undefined ? undefined : childrenOf(pid)[0];
  }

  /** SIGKILL to the node's process group: the loss of the whole host, as far as ZooKeeper and Spark can tell. */
  async kill(node: ClusterNode): Promise<void> {
    const pid = this.pid(node);
    if (pid === undefined) return;
    signalGroup(pid, 'SIGKILL');
    await this.waitForExit(pid, 5_000);
    await rm(pidPath(this.clusterDir, node), { force: true });
  }

  /** Every live process carrying this cluster's marker, children such as executors included. */
  leftovers(): number[] {
    return listPids().filter((pid) => isLiveProcessOf(pid, this.clusterDir));
  }

  /** Last resort for `down`: SIGKILL whatever still carries the marker. */
  async killLeftovers(): Promise<void> {
    for (const pid of this.leftovers()) signalProcess(pid, 'SIGKILL');
    for (let attempt = 0; attempt < 50 && this.leftovers().length > 0; attempt++) await sleep(100);
  }

  private async waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!isLiveProcessOf(pid, this.clusterDir)) return true;
      await sleep(100);
    }
    return !isLiveProcessOf(pid, this.clusterDir);
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function listPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** True when `pid` runs (not a zombie) and carries this cluster's marker, so a reused pid never matches. */
function isLiveProcessOf(pid: number, clusterDir: string): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`${CLUSTER_MARKER}=${clusterDir}`);
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    signalProcess(pid, signal);
  }
}

/** SIGKILL to whatever is left of a node's process group; nothing when none is (never a lone pid, which may be reused). */
function killGroupMembers(groupId: number): void {
  try {
    process.kill(-groupId, 'SIGKILL');
  } catch {
    // The group is empty.
  }
}

function signalProcess(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}
