import { Command, InvalidArgumentError } from 'commander';
import { ActionableError } from '../core/errors.js';
import type { Log } from '../core/log.js';
import { formatClusterDescription } from '../local/cluster-table.js';
import { LocalCluster, type LocalClusterDescription } from '../local/local-cluster.js';
import { DEFAULT_SHAPE } from '../local/local-topology.js';
import { localPaths } from '../local/paths.js';
import { NODE_OPERATIONS, type NodeOperationName } from '../core/nodes/node-operations.js';
import { rollingUpdateAction } from '../actions/rolling-update/index.js';
import { smokeTestAction } from '../actions/smoke-test/index.js';
import { addActionCommand } from './action-commands.js';
import { formatVerifyReport } from '../local/verify-report.js';
import { verifyLocalCluster } from '../local/verify.js';

const log: Log = {
  info: (message) => console.error(message),
  warning: (message) => console.error(`warning: ${message}`),
  debug: (message) => process.env.SPARK_AZURE_DEBUG && console.error(`debug: ${message}`),
};

function wholeNumber(option: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`--${option} takes a whole number, e.g. --${option} 3.`);
    return Number(value);
  };
}

function collectSetting(value: string, previous: Record<string, string>): Record<string, string> {
  const match = /^([a-z][a-z0-9_]*)=(.*)$/.exec(value);
  if (!match) throw new InvalidArgumentError(`--set takes variable=value with a role variable name, e.g. --set zookeeper_tick_time_ms=2000; got '${value}'.`);
  return { ...previous, [match[1]!]: match[2]! };
}

const program = new Command('spark-azure')
  .description('Build, provision, update, test and chaos-test a highly available Spark standalone cluster')
  .showHelpAfterError();

const local = program.command('local').description('a real HA cluster on this machine: ZooKeeper, Spark masters and workers on loopback');

local
  .command('up')
  .description('start a fresh local cluster (installs what is missing) and wait until it is healthy')
  .option('--zookeepers <n>', 'ZooKeeper servers: 3 or 5', wholeNumber('zookeepers'), DEFAULT_SHAPE.zookeepers)
  .option('--masters <n>', 'Spark masters: 2 or 3', wholeNumber('masters'), DEFAULT_SHAPE.masters)
  .option('--workers <n>', 'Spark workers: 1 to 20', wholeNumber('workers'), DEFAULT_SHAPE.workers)
  .option('--set <variable=value>', 'override an Ansible role variable, e.g. --set zookeeper_tick_time_ms=2000 (repeatable)', collectSetting, {})
  .option('--json', 'print the cluster description as JSON')
  .action(async (options: { zookeepers: number; masters: number; workers: number; set: Record<string, string>; json?: boolean }) => {
    const cluster = new LocalCluster(localPaths(), log);
    const result = await cluster.up({ zookeepers: options.zookeepers, masters: options.masters, workers: options.workers }, options.set);
    if (result.alreadyRunning) log.info('A local cluster is already running; nothing was changed.');
    else log.info(`Local cluster healthy ${result.secondsToHealthy!.toFixed(1)} s after start.`);
    if (options.json) console.log(JSON.stringify({ ...result.description, secondsToHealthy: result.secondsToHealthy ?? null }, null, 2));
    else print(result.description);
  });

local
  .command('verify')
  .description('the main job: bring the local cluster up (or use the running one) and run the suite against it')
  .option('--down', 'stop the cluster afterwards')
  .action(async (options: { down?: boolean }) => {
    const cluster = new LocalCluster(localPaths(), log);
    try {
      const report = await verifyLocalCluster(cluster, log);
      console.log(formatVerifyReport(report));
      if (!report.passed) process.exitCode = 1;
    } finally {
      if (options.down) await cluster.down();
    }
  });

local
  .command('status')
  .description('probe every node and print the cluster description')
  .option('--json', 'print JSON')
  .action(async (options: { json?: boolean }) => {
    const description = await new LocalCluster(localPaths(), log).status();
    if (!description) throw new ActionableError('Local cluster', 'a cluster created by `spark-azure local up`', 'none', 'Run `npx spark-azure local up` first.');
    print(description, options.json);
    if (!description.healthy) process.exitCode = 3;
  });

local
  .command('down')
  .description('stop every node and make sure no process is left')
  .action(async () => {
    const { stopped } = await new LocalCluster(localPaths(), log).down();
    log.info(stopped.length > 0 ? `Stopped ${stopped.join(', ')}; no process left.` : 'No local cluster was running; no process left.');
  });

local
  .command('logs')
  .description("print the end of a node's log")
  .argument('<node>', 'node name, e.g. zk1, master1, worker2')
  .option('--lines <n>', 'how many lines', wholeNumber('lines'), 100)
  .action(async (node: string, options: { lines: number }) => {
    process.stdout.write(`${await new LocalCluster(localPaths(), log).logs(node, options.lines)}\n`);
  });

local
  .command('node')
  .description('act on one node: start, stop (graceful), kill (SIGKILL) or restart')
  .argument('<operation>', NODE_OPERATIONS.join(' | '))
  .argument('<node>', 'node name, e.g. master1')
  .action(async (operation: string, name: string) => {
    if (!NODE_OPERATIONS.includes(operation as NodeOperationName)) {
      throw new ActionableError('Operation', NODE_OPERATIONS.join(', '), `'${operation}'`, 'Use one of those, e.g. `spark-azure local node kill master1`.');
    }
    const cluster = new LocalCluster(localPaths(), log);
    const node = await cluster.node(name);
    await cluster.nodeOperations()[operation as NodeOperationName](node);
    log.info(`${operation} ${name}: done`);
  });

const localMasters = async (): Promise<Record<string, string>> => {
  const description = await new LocalCluster(localPaths(), log).status();
  return description ? { masters: description.masterUrl } : {};
};
addActionCommand(program, { command: 'smoke-test', inputsOf: 'smoke-test', body: smokeTestAction(), localDefaults: localMasters });
addActionCommand(program, { command: 'rolling-update', inputsOf: 'rolling-update', body: rollingUpdateAction, localDefaults: localMasters });
addActionCommand(program, {
  command: 'failover-drill',
  inputsOf: 'smoke-test',
  description: 'The smoke test, then the failover drill: the ALIVE master goes down while a job runs; the takeover is measured and the master restored.',
  body: smokeTestAction({ forceFailover: true }),
  localDefaults: localMasters,
});

function print(description: LocalClusterDescription, json?: boolean): void {
  console.log(json ? JSON.stringify(description, null, 2) : formatClusterDescription(description));
}

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ActionableError) {
    console.error(`error: ${error.oneLine()}`);
  } else {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exitCode = 1;
});
