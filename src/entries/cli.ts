import { Command, InvalidArgumentError, Option } from 'commander';
import { formatVerifyReport } from '../actions/local-verify/verify-report.js';
import { verifyLocalCluster } from '../actions/local-verify/verify.js';
import { failoverDrillAction } from '../actions/failover-drill/index.js';
import { ActionableError } from '../core/errors.js';
import { ROLE_VARIABLES, parseKeyValueLines } from '../core/inputs/key-value-lines.js';
import type { Log } from '../core/log.js';
import { NODE_OPERATIONS, type NodeOperationName } from '../core/nodes/node-operations.js';
import { cliDirectories, cliFlag } from '../doors/cli-pipeline.js';
import { handleInterruptions } from '../doors/interruption.js';
import { formatClusterDescription, formatTable } from '../local/cluster-table.js';
import { clusterStatus } from '../operations/cluster-status.js';
import { parseMasterList } from '../core/inputs/master-list.js';
import { parseZooKeeperConnect } from '../core/inputs/zookeeper-connect.js';
import { LocalCluster, type LocalClusterDescription } from '../local/local-cluster.js';
import { DEFAULT_SHAPE, validateShape } from '../local/local-topology.js';
import { localEnsembleResize } from '../local/local-ensemble.js';
import { ENSEMBLE_SIZES, resizeEnsemble } from '../operations/ensemble-resize.js';
import { describeResize } from '../actions/rolling-update/ensemble.js';
import { localPaths } from '../local/paths.js';
import { readLocalClusterSecret } from '../local/local-cluster-secret.js';
import { addActionCommand } from './action-commands.js';
import { suiteVersion } from '../tools/suite-content.js';
import { isHttpUrl } from '../core/inputs/http-url.js';

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

function webhookUrl(value: string): string {
  if (!isHttpUrl(value)) throw new InvalidArgumentError('--alert-webhook takes an http(s) URL, e.g. --alert-webhook http://127.0.0.1:9099/alerts.');
  return value;
}

/** A count option's old name (`--zookeepers 5`), still taken for a release; hidden from help. */
function deprecatedCount(name: 'zookeepers' | 'masters' | 'workers'): Option {
  return new Option(`--${name} <n>`, `deprecated: --${name.slice(0, -1)}-count`).argParser(wholeNumber(name)).hideHelp();
}

/** The count given by its new flag or by its old one; both at once is refused. */
function countOption<K extends string, O extends string>(options: Partial<Record<K | O, number>>, name: K, oldName: O): number | undefined {
  const [current, old] = [options[name], options[oldName]];
  if (current !== undefined && old !== undefined) throw new InvalidArgumentError(`--${oldName} is the old name of ${cliFlag(name)}: give ${cliFlag(name)} only.`);
  return current ?? old;
}

function warnOfOldFlags(options: object, renamed: Readonly<Record<string, string>>): void {
  for (const [oldName, name] of Object.entries(renamed)) {
    if ((options as Record<string, unknown>)[oldName] !== undefined) log.warning(`--${oldName} is deprecated and goes in the next minor release: use ${cliFlag(name)}.`);
  }
}

function collectRoleVariable(value: string, previous: Record<string, string>): Record<string, string> {
  try {
    return { ...previous, ...parseKeyValueLines('role-variable', value, { ...ROLE_VARIABLES, semicolons: false }) };
  } catch {
    throw new InvalidArgumentError(`--role-variable takes name=value with a role variable name, e.g. --role-variable zookeeper_tick_time_ms=2000.`);
  }
}

/** The command line: the local cluster, and every action as a command with its inputs as --options. */
export async function runCommandLine(argv: readonly string[]): Promise<void> {
  const program = commandLine();
  const stopHandling = handleInterruptions(log);
  await program.parseAsync([...argv]).catch((error: unknown) => {
    if (error instanceof ActionableError) {
      console.error(`error: ${error.oneLine(cliFlag)}`);
    } else if (error instanceof InvalidArgumentError) {
      // Thrown by an action's own check of its options (commander reports only its parsers' ones).
      console.error(`error: ${error.message}`);
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exitCode = process.exitCode === 130 ? 130 : 1;
  });
  stopHandling();
}

const localCluster = () => new LocalCluster(localPaths(cliDirectories()), log);

function commandLine(): Command {
  const program = new Command('spark-azure')
    .description('Build, provision, update, test and chaos-test a highly available Spark standalone cluster')
    .version(suiteVersion(), '--version', 'print the version of spark-azure')
    .showHelpAfterError();

  const local = program.command('local').description('a real HA cluster on this machine: ZooKeeper, Spark masters and workers on loopback');

  local
    .command('up')
    .description('start a fresh local cluster (installs what is missing) and wait until it is healthy')
    .option('--zookeeper-count <n>', 'ZooKeeper servers: 3 or 5', wholeNumber('zookeeper-count'))
    .option('--master-count <n>', 'Spark masters: 2 or 3', wholeNumber('master-count'))
    .option('--worker-count <n>', 'Spark workers: 1 to 20', wholeNumber('worker-count'))
    .addOption(deprecatedCount('zookeepers'))
    .addOption(deprecatedCount('masters'))
    .addOption(deprecatedCount('workers'))
    .option('--role-variable <name=value>', 'override an Ansible role variable, e.g. --role-variable zookeeper_tick_time_ms=2000 (repeatable)', collectRoleVariable, {})
    .option('--monitoring', 'also start Prometheus, Alertmanager and the blackbox exporter on 127.0.0.41, scraping every second')
    .option('--alert-webhook <url>', 'with --monitoring: send every alert, firing and resolved, to this URL', webhookUrl)
    .option('--json', 'print the cluster description as JSON')
    .action(
      async (
        options: Partial<Record<'zookeeperCount' | 'masterCount' | 'workerCount' | 'zookeepers' | 'masters' | 'workers', number>> & {
          roleVariable: Record<string, string>;
          monitoring?: boolean;
          alertWebhook?: string;
          json?: boolean;
        },
      ) => {
        if (options.alertWebhook && !options.monitoring) throw new InvalidArgumentError('--alert-webhook needs --monitoring: add --monitoring, or leave --alert-webhook out.');
        const shape = {
          zookeeperCount: countOption(options, 'zookeeperCount', 'zookeepers') ?? DEFAULT_SHAPE.zookeeperCount,
          masterCount: countOption(options, 'masterCount', 'masters') ?? DEFAULT_SHAPE.masterCount,
          workerCount: countOption(options, 'workerCount', 'workers') ?? DEFAULT_SHAPE.workerCount,
        };
        validateShape(shape);
        warnOfOldFlags(options, { zookeepers: 'zookeeperCount', masters: 'masterCount', workers: 'workerCount' });
        const cluster = localCluster();
        const result = await cluster.up(shape, options.roleVariable, {
          monitoring: options.monitoring,
          alertWebhook: options.alertWebhook,
        });
        if (result.alreadyRunning) log.info('A local cluster is already running; nothing was changed.');
        else log.info(`Local cluster healthy ${result.secondsToHealthy!.toFixed(1)} s after start.`);
        if (result.monitoring) {
          log.info(`Prometheus ${result.monitoring.prometheusUrl}, Alertmanager ${result.monitoring.alertmanagerUrl}, blackbox exporter ${result.monitoring.blackboxExporterUrl}`);
        }
        if (options.json) console.log(JSON.stringify({ ...result.description, secondsToHealthy: result.secondsToHealthy ?? null, monitoring: result.monitoring ?? null }, null, 2));
        else print(result.description);
      },
    );

  local
    .command('verify')
    .description('the main job: bring the local cluster up (or use the running one) and run the suite against it')
    .option('--down', 'stop the cluster afterwards')
    .action(async (options: { down?: boolean }) => {
      const cluster = localCluster();
      try {
        const report = await verifyLocalCluster(cluster, cliDirectories(), log);
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
      const description = await localCluster().status();
      if (!description) throw new ActionableError('Local cluster', 'a cluster created by `spark-azure local up`', 'none', 'Run `npx spark-azure local up` first.');
      print(description, options.json);
      if (!description.healthy) process.exitCode = 3;
    });

  program
    .command('status')
    .description("probe any cluster this machine reaches (on Azure: from a runner in its VNet) and print every node's state; exit 3 when it is not healthy")
    .option('--masters <list>', 'the Spark masters, host:port comma-separated')
    .option('--zookeepers <list>', 'the ZooKeeper servers, host:port comma-separated')
    .option('--master-web-ui-port <port>', "the masters' web UI port", wholeNumber('master-web-ui-port'), 8080)
    .option('--expected-workers <n>', 'workers that must be ALIVE at the ALIVE master', wholeNumber('expected-workers'), 0)
    .option('--json', 'print JSON')
    .action(async (options: { masters?: string; zookeepers?: string; masterWebUiPort: number; expectedWorkers: number; json?: boolean }) => {
      if (options.masters === undefined)
        throw new ActionableError('--masters', 'the Spark master list', 'nothing', 'Add --masters 10.0.2.4:7077,10.0.2.5:7077 (provision outputs it).');
      if (options.zookeepers === undefined)
        throw new ActionableError('--zookeepers', 'the ZooKeeper servers', 'nothing', 'Add --zookeepers 10.0.1.4:2181,10.0.1.5:2181,10.0.1.6:2181.');
      const status = await clusterStatus({
        masters: parseMasterList('masters', options.masters),
        zookeepers: parseZooKeeperConnect('zookeepers', options.zookeepers),
        masterWebUiPort: options.masterWebUiPort,
        minimumWorkers: options.expectedWorkers,
      });
      console.log(
        options.json
          ? JSON.stringify(status, null, 2)
          : [
              `Health: ${status.healthy ? 'healthy' : `NOT healthy: ${status.problems.join('; ')}`}`,
              '',
              formatTable(
                ['ROLE', 'ADDRESS', 'STATE'],
                status.nodes.map((node) => [node.role, node.address, node.state]),
              ),
            ].join('\n'),
      );
      if (!status.healthy) process.exitCode = 3;
    });

  local
    .command('down')
    .description('stop every node and make sure no process is left')
    .action(async () => {
      const { stopped } = await localCluster().down();
      log.info(stopped.length > 0 ? `Stopped ${stopped.join(', ')}; no process left.` : 'No local cluster was running; no process left.');
    });

  local
    .command('logs')
    .description("print the end of a node's log")
    .argument('<node>', 'node name, e.g. zk1, master1, worker2')
    .option('--lines <n>', 'how many lines', wholeNumber('lines'), 100)
    .action(async (node: string, options: { lines: number }) => {
      process.stdout.write(`${await localCluster().logs(node, options.lines)}\n`);
    });

  const localNodeOperations = [...NODE_OPERATIONS, 'destroy', 'reimage'];
  local
    .command('node')
    .description(
      'act on one node: start, stop (graceful; a worker decommissions first), kill (SIGKILL to the node: its host lost), crash (SIGKILL to its program: the supervisor restarts it), restart, destroy (kill, then remove its configuration and data; `local reconcile` re-creates it), or reimage (stop, wipe, boot again from its custom data)',
    )
    .argument('<operation>', localNodeOperations.join(' | '))
    .argument('<node>', 'node name, e.g. master1')
    .action(async (operation: string, name: string) => {
      if (!localNodeOperations.includes(operation)) {
        throw new ActionableError('Operation', localNodeOperations.join(', '), `'${operation}'`, 'Use one of those, e.g. `spark-azure local node kill master1`.');
      }
      const cluster = localCluster();
      const node = await cluster.node(name);
      if (operation === 'destroy') await cluster.destroy(node);
      else if (operation === 'reimage') log.info(`${name} booted again from its custom data and healthy after ${(await cluster.reimage(node)).seconds.toFixed(1)} s`);
      else await cluster.actOnNode(operation as NodeOperationName, node);
      log.info(`${operation} ${name}: done`);
    });

  local
    .command('scale')
    .description("scale the workers out or in, as the scale set does: new workers boot from the workers' custom data alone; leaving ones decommission first")
    .option('--worker-count <n>', 'Spark workers wanted: 1 to 20', wholeNumber('worker-count'))
    .addOption(deprecatedCount('workers'))
    .option('--json', 'print JSON')
    .action(async (options: { workerCount?: number; workers?: number; json?: boolean }) => {
      const count = countOption(options, 'workerCount', 'workers');
      if (count === undefined) throw new ActionableError('--worker-count', 'the workers wanted, 1 to 20', 'nothing', 'Add --worker-count, e.g. --worker-count 4.');
      warnOfOldFlags(options, { workers: 'workerCount' });
      const result = await localCluster().scale(count);
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else
        log.info(
          result.added.length > 0
            ? `Scaled out: ${result.added.join(', ')} ALIVE at the ALIVE master ${result.seconds.toFixed(1)} s after the start.`
            : result.removed.length > 0
              ? `Scaled in: ${result.removed.join(', ')} decommissioned and gone in ${result.seconds.toFixed(1)} s.`
              : `The cluster has ${count} workers already: nothing to change.`,
        );
    });

  local
    .command('reconcile')
    .description('re-create and start every node of the cluster that is not running (destroyed, killed or stopped), touching no other; wait until each has rejoined')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const result = await localCluster().reconcile();
      if (options.json) console.log(JSON.stringify(result, null, 2));
      else
        log.info(
          result.reconciled.length === 0
            ? 'Every node runs: nothing to reconcile.'
            : `Reconciled ${result.reconciled.join(', ')}${result.rendered.length > 0 ? ` (configuration rendered again: ${result.rendered.join(', ')})` : ''}; rejoined ${result.seconds.toFixed(1)} s after the start.`,
        );
    });

  local
    .command('resize-ensemble')
    .description(
      'grow or shrink the ZooKeeper ensemble (3 or 5 servers) one server at a time with dynamic reconfiguration, restarting no other server; halts at the first unhealthy step',
    )
    .option('--zookeeper-count <n>', 'ZooKeeper servers wanted: 3 or 5', wholeNumber('zookeeper-count'))
    .addOption(deprecatedCount('zookeepers'))
    .option('--gate-timeout-seconds <n>', 'how long a joiner may take to sync and the ensemble to be healthy after a step', wholeNumber('gate-timeout-seconds'), 120)
    .option('--json', 'print the report as JSON')
    .action(async (options: { zookeeperCount?: number; zookeepers?: number; gateTimeoutSeconds: number; json?: boolean }) => {
      const count = countOption(options, 'zookeeperCount', 'zookeepers');
      const flag = options.zookeepers === undefined ? '--zookeeper-count' : '--zookeepers';
      if (count === undefined) throw new ActionableError('--zookeeper-count', 'the ZooKeeper servers wanted, 3 or 5', 'nothing', 'Add --zookeeper-count 3 or --zookeeper-count 5.');
      if (!(ENSEMBLE_SIZES as readonly number[]).includes(count)) {
        throw new ActionableError(flag, '3 or 5 ZooKeeper servers (an odd quorum)', String(count), `Use ${flag} 3 or ${flag} 5.`);
      }
      warnOfOldFlags(options, { zookeepers: 'zookeeperCount' });
      const cluster = localCluster();
      const resize = await localEnsembleResize(cluster, count);
      const report = await resizeEnsemble(resize.servers, resize.wantedVoterIds, resize.access, {
        log,
        gateTimeoutMs: options.gateTimeoutSeconds * 1000,
        lockWaitMs: 60_000,
        clusterSecret: readLocalClusterSecret(cluster.paths.clusterDir),
      });
      await resize.finish();
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else log.info(describeResize(report));
    });

  const localMasters = async (): Promise<Record<string, string>> => {
    const description = await localCluster().status();
    return description ? { masters: description.masterUrl } : {};
  };
  // On a local cluster with its monitoring, the drill also proves the pager.
  const localDrillDefaults = async (): Promise<Record<string, string>> => {
    const monitoring = await localCluster().monitoring();
    return { ...(await localMasters()), ...(monitoring ? { alertmanagerUrl: monitoring.alertmanagerUrl } : {}) };
  };
  addActionCommand(program, { command: 'smoke-test', inputsOf: 'smoke-test', localDefaults: localMasters });
  addActionCommand(program, { command: 'rolling-update', inputsOf: 'rolling-update', localDefaults: localMasters });
  addActionCommand(program, {
    command: 'failover-drill',
    inputsOf: 'smoke-test',
    description: 'The smoke test, then the failover drill: the ALIVE master goes down while a job runs; the takeover is measured and the master restored.',
    body: failoverDrillAction,
    localDefaults: localDrillDefaults,
    // The drill runs on the standalone cluster only.
    omit: ['failover', 'target'],
  });
  addActionCommand(program, { command: 'provision', inputsOf: 'provision' });
  addActionCommand(program, { command: 'image-build', inputsOf: 'image-build' });
  return program;
}

function print(description: LocalClusterDescription, json?: boolean): void {
  console.log(json ? JSON.stringify(description, null, 2) : formatClusterDescription(description));
}
