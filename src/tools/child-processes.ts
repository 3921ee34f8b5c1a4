import { readFileSync, readdirSync } from 'node:fs';

/**
 * The environment variable every process of a local cluster carries (executors inherit it), set to the
 * cluster's directory: `down` proves by it that none is left, and a cancelled run leaves those processes alone.
 */
export const CLUSTER_MARKER = 'SPARK_AZURE_LOCAL_CLUSTER';

/**
 * Passes a cancel on to the tools this process runs (terraform, ansible-playbook, packer, spark-submit,
 * ssh, az) and everything they started, so that each stops the way it does on Ctrl-C. The local cluster's
 * nodes, started by this process but not part of the run, are left alone. Linux (/proc) only.
 */
export function forwardSignalToTools(signal: NodeJS.Signals, root = process.pid): number[] {
  const descendants = descendantsOf(root);
  for (const pid of descendants) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
  return descendants;
}

/** Every process below `root`: children, their children, and so on (a cluster node's subtree excluded). */
export function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const descendants: number[] = [];
  const visit = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent !== pid || isClusterNode(child)) continue;
      descendants.push(child);
      visit(child);
    }
  };
  visit(root);
  return descendants;
}

function isClusterNode(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .some((variable) => variable.startsWith(`${CLUSTER_MARKER}=`));
  } catch {
    return false;
  }
}
