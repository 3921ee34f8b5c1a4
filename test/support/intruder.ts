import { $, type ProcessPromise } from 'zx';

/**
 * A process started to try the cluster from outside (a driver or a worker without the cluster secret): its
 * output is watched as it comes, so that a test sees the refusal in seconds instead of waiting out Spark's
 * own retries (a driver gives up after 3 × 20 s).
 */
export interface Intruder {
  /** Resolves once the output has matched `pattern` `times` times; rejects with the output after `timeoutMs`. */
  waitFor(pattern: RegExp, times: number, timeoutMs: number): Promise<void>;
  readonly output: () => string;
  kill(): Promise<void>;
}

export function startIntruder(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Intruder {
  let output = '';
  const child: ProcessPromise = $({ env: { ...process.env, ...env }, nothrow: true, quiet: true })`${command} ${args}`;
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return {
    output: () => output,
    waitFor: async (pattern, times, timeoutMs) => {
      const global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);
      const deadline = Date.now() + timeoutMs;
      while ((output.match(global)?.length ?? 0) < times) {
        if (Date.now() > deadline) throw new Error(`no ${times} × ${pattern} within ${timeoutMs / 1000} s; output:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    kill: async () => {
      try {
        await child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
      await child;
    },
  };
}

/**
 * ZooKeeper's own shell (ZooKeeperMain, Debian's package), run once with `commands` on standard input as an
 * intruder on the network would use it; returns what it printed.
 */
export async function zookeeperShell(java: string, zookeeperJar: string, server: string, commands: readonly string[]): Promise<string> {
  const classpath = [zookeeperJar, '/usr/share/java/slf4j-simple.jar'].join(':');
  const shell = $({
    nothrow: true,
    quiet: true,
    input: `${[...commands, 'quit'].join('\n')}\n`,
  })`${java} -Xmx64m -cp ${classpath} org.apache.zookeeper.ZooKeeperMain -server ${server}`;
  const result = await shell;
  return `${result.stdout}${result.stderr}`;
}
