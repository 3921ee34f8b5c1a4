import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { zookeeperLeader } from '../../src/core/cluster/cluster-state.js';
import { probeAddressesOf } from '../../src/core/cluster/node-states.js';
import { probeCluster } from '../../src/core/cluster/cluster-probe.js';
import { runPlaybookWith } from '../../src/tools/ansible-playbook.js';
import type { LocalCluster, LocalClusterDescription } from '../../src/local/local-cluster.js';
import { ROOT, runAzureDevOpsTask, runGithubAction } from '../support/run-bundle.js';
import { startTestCluster } from '../support/test-cluster.js';
import { packageExtension } from '../../scripts/package-extension.mjs';
import { type ClusterTopology, allNodes, masterAddress, topologyMasterUrl, topologyZooKeeperConnect, zookeeperClientAddress } from '../../src/core/cluster/topology.js';
import { DRILL_ACTIONS, DRILL_CHECKS, type DrillJournal, checks } from '../../src/core/drill/journal.js';
import { formatHostPort } from '../../src/core/inputs/host-port.js';
import { ensureAct, exportRepository, runWorkflow, userRepository } from '../support/act.js';
import { mastersByStatus, theAliveMasterNode, zookeeperLeaderNode } from '../support/cluster-observations.js';
import { startIntruder, zookeeperShell } from '../support/intruder.js';
import { openClusterSession } from '../support/cluster-zookeeper.js';
import { ZooKeeperSession } from '../../src/core/zookeeper/zookeeper-session.js';
import { leaderElectionPath } from '../../src/core/spark/leader-latch.js';
import { sendFourLetterWord } from '../../src/core/zookeeper/four-letter-word.js';
import { readLocalClusterSecret } from '../../src/local/local-cluster-secret.js';
import { driverSecurityProperties } from '../../src/core/spark/cluster-security.js';
import { resolveSparkRuntime } from '../../src/tools/spark-runtime.js';
import { silentLog } from '../../src/core/log.js';

describe('the local HA cluster', () => {
  let cluster: LocalCluster;
  let description: LocalClusterDescription;

  beforeAll(async () => {
    const started = await startTestCluster({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
    cluster = started.cluster;
    expect(started.up.alreadyRunning).toBe(false);
    description = started.up.description;
  });

  afterAll(async () => {
    await cluster?.down();
  });

  it('has one ZooKeeper leader with both followers in sync', () => {
    const servers = description.state.zookeeper;
    expect(servers.map((server) => server.mode).sort()).toEqual(['follower', 'follower', 'leader']);
    expect(zookeeperLeader(description.state)).toMatchObject({ syncedFollowers: 2, pendingSyncs: 0 });
  });

  it('has exactly one ALIVE master, one STANDBY and two ALIVE workers', () => {
    const masters = description.nodes.filter((node) => node.role === 'master').map((node) => node.state);
    expect(masters.sort()).toEqual(['ALIVE', 'STANDBY']);
    expect(description.nodes.filter((node) => node.role === 'worker').map((node) => node.state)).toEqual(['ALIVE', 'ALIVE']);
    expect(description.healthy).toBe(true);
    expect(description.masterUrl).toBe('spark://127.0.0.21:7077,127.0.0.22:7077');
  });

  it('spark-azure status reads any cluster from its addresses alone, as local status does, and exits 3 when a node is gone', async () => {
    const args = ['status', '--masters', description.masterUrl.replace('spark://', ''), '--zookeepers', description.zookeeperConnect, '--expected-workers', '2'];
    const run = await $({ cwd: ROOT, nothrow: true, quiet: true })`node dist/cli.cjs ${args} --json`;
    expect(run.exitCode, run.stderr).toBe(0);
    const status = JSON.parse(run.stdout) as { healthy: boolean; nodes: { role: string; address: string; state: string }[] };
    expect(status.healthy).toBe(true);
    expect(
      status.nodes
        .filter((node) => node.role === 'zookeeper')
        .map((node) => node.state)
        .sort(),
    ).toEqual(['follower', 'follower', 'leader']);
    expect(
      status.nodes
        .filter((node) => node.role === 'master')
        .map((node) => node.state)
        .sort(),
    ).toEqual(['ALIVE', 'STANDBY']);
    expect(status.nodes.filter((node) => node.role === 'worker').map((node) => node.state)).toEqual(['ALIVE', 'ALIVE']);
    // One more master than the cluster has: that address is down, so the cluster is not what was asked for.
    const missing = await $({
      cwd: ROOT,
      nothrow: true,
      quiet: true,
    })`node dist/cli.cjs status --masters ${`${description.masterUrl.replace('spark://', '')},127.0.0.29:7077`} --zookeepers ${description.zookeeperConnect}`;
    expect(missing.exitCode).toBe(3);
    expect(missing.stdout).toMatch(/^Health: NOT healthy: .*127\.0\.0\.29:7077 is unreachable/m);
    expect(missing.stdout).toMatch(/^master\s+127\.0\.0\.29:7077\s+down$/m);
  });

  it('binds every listening socket of the cluster to its own loopback address', async () => {
    const pids = cluster.processes.leftovers();
    const sockets = (await $`ss -ltnpH`.quiet()).stdout.split('\n').filter((line) => pids.some((pid) => line.includes(`pid=${pid},`)));
    expect(sockets.length).toBeGreaterThanOrEqual(7);
    for (const line of sockets) expect(line).toMatch(/\s(\[::ffff:)?127\.0\.0\.\d+\]?:\d+\s/);
  });

  it('runs a real job submitted to the full master list, through the GitHub action bundle', async () => {
    // The secret as a pipeline passes it: an input, masked, never printed.
    const clusterSecret = readLocalClusterSecret(cluster.paths.clusterDir)!;
    const run = await runGithubAction('smoke-test', { masters: description.masterUrl, clusterSecret });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`::add-mask::${clusterSecret}`);
    expect(`${run.stdout.replaceAll(`::add-mask::${clusterSecret}`, '')}${run.stderr}${run.summary}`).not.toContain(clusterSecret);
    expect(Number(run.outputs.result)).toBeGreaterThanOrEqual(3.0);
    expect(Number(run.outputs.result)).toBeLessThanOrEqual(3.3);
    expect(run.outputs.applicationId).toMatch(/^app-\d{14}-\d{4}$/);
    expect(description.state.masters.find((master) => master.reachable && master.status === 'ALIVE')?.address).toBe(run.outputs.aliveMaster);
    expect(run.summary).toContain('### Spark smoke test ✅');
  });

  it('runs the same job through the Azure DevOps task bundle', async () => {
    // No clusterSecret: masters on this machine's loopback authenticate with the local cluster's own.
    const run = await runAzureDevOpsTask('smoke-test', { masters: '127.0.0.21:7077,127.0.0.22:7077' }, { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(Number(run.outputs.result)).toBeGreaterThan(3.0);
    expect(run.outputs.applicationId).toMatch(/^app-/);
    expect(run.stdout).toContain('##vso[task.complete result=Succeeded');
    expect(run.summary).toContain('| Verdict | passed |');
  });

  // The cluster as it comes up is closed: tried from outside as an intruder on its network would.
  describe('closed: nobody without the cluster secret runs code on it or joins it', () => {
    let sparkHome: string;
    let python: string;
    const refused = /Failed to connect to master 127\.0\.0\.2\d:7077/;
    const aliveMasterJson = async (): Promise<{ activeapps: { name: string }[]; completedapps: { name: string }[]; workers: { host: string }[] }> => {
      const alive = await theAliveMasterNode(await cluster.topology());
      return (await fetch(`http://${alive.host}:8080/json/`)).json();
    };

    beforeAll(async () => {
      ({ sparkHome, python } = await resolveSparkRuntime({ input: 'sparkHome', toolCache: cluster.paths.toolCache }, silentLog));
    });

    it('refuses a driver without the secret, and one with its own security settings and a wrong secret: no application registers', async () => {
      const wrongSecret = path.join(mkdtempSync(path.join(os.tmpdir(), 'intruder-')), 'driver.properties');
      writeFileSync(wrongSecret, driverSecurityProperties('not-the-cluster-secret'), { mode: 0o600 });
      const submit = (name: string, propertiesFile?: string) =>
        startIntruder(
          path.join(sparkHome, 'bin', 'spark-submit'),
          [
            ...(propertiesFile ? ['--properties-file', propertiesFile] : []),
            ...['--master', description.masterUrl, '--name', name],
            ...['--conf', 'spark.driver.host=127.0.0.1', '--conf', 'spark.driver.bindAddress=127.0.0.1', '--conf', 'spark.executor.memory=512m'],
            path.join(sparkHome, 'examples', 'src', 'main', 'python', 'pi.py'),
            '2',
          ],
          { SPARK_HOME: sparkHome, PYSPARK_PYTHON: python, SPARK_LOCAL_IP: '127.0.0.1' },
        );
      const intruders = [submit('intruder-without-secret'), submit('intruder-with-wrong-secret', wrongSecret)];
      try {
        // Each tried both masters and was turned away at the RPC handshake.
        await Promise.all(intruders.map((intruder) => intruder.waitFor(refused, 2, 90_000)));
        const alive = await aliveMasterJson();
        expect([...alive.activeapps, ...alive.completedapps].map((app) => app.name).filter((name) => name.startsWith('intruder'))).toEqual([]);
      } finally {
        await Promise.all(intruders.map((intruder) => intruder.kill()));
      }
    });

    it('refuses a worker without the secret: it never registers at the ALIVE master', async () => {
      const scratch = mkdtempSync(path.join(os.tmpdir(), 'intruder-worker-'));
      const worker = startIntruder(
        path.join(sparkHome, 'bin', 'spark-class'),
        ['org.apache.spark.deploy.worker.Worker', '--host', '127.0.0.39', '--webui-port', '8089', '--cores', '1', '--memory', '512m', '--work-dir', scratch, description.masterUrl],
        { SPARK_HOME: sparkHome, SPARK_CONF_DIR: scratch, SPARK_LOCAL_IP: '127.0.0.39' },
      );
      try {
        await worker.waitFor(refused, 2, 90_000);
        expect((await aliveMasterJson()).workers.map((registered) => registered.host)).not.toContain('127.0.0.39');
      } finally {
        await worker.kill();
      }
    });

    it('turns away a ZooKeeper client without the secret; one that authenticates as anyone else cannot read, plant or remove a node of the cluster, nor move its leadership', async () => {
      const topology = await cluster.topology();
      const toolchain = JSON.parse(readFileSync(path.join(cluster.paths.clusterDir, 'cluster.json'), 'utf8')).toolchain;
      const server = formatHostPort(zookeeperClientAddress(topology.zookeepers[0]!));
      const clusterDir = topology.sparkZooKeeperDir;
      const latchPath = leaderElectionPath(clusterDir);
      const owner = await openClusterSession(cluster, topology);
      try {
        const latchBefore = await owner.children(latchPath);
        const aliveBefore = (await theAliveMasterNode(topology)).name;
        expect(latchBefore?.length).toBe(2);

        // No credentials: the servers close the session at its first request.
        const anonymous = await zookeeperShell(toolchain.java, toolchain.zookeeperJar, server, [`ls ${latchPath}`, `create /intruder-anonymous x`]);
        expect(anonymous).toMatch(/Session closed because client failed to authenticate|SessionClosedRequireAuth/);
        expect(anonymous).not.toContain(latchBefore![0]);

        // Any digest passes the servers' check, so the nodes' ACLs are what keep the cluster's.
        const latchNode = `${latchPath}/${latchBefore![0]}`;
        const impostor = await zookeeperShell(toolchain.java, toolchain.zookeeperJar, server, [
          'addauth digest spark-azure:not-the-cluster-secret',
          `ls ${latchPath}`,
          `delete ${latchNode}`,
          `create ${latchPath}/_c_00000000-0000-0000-0000-000000000000-latch-0000000000 127.0.0.99:7077`,
          `create ${clusterDir}/master_status/worker_rogue x`,
          `get ${clusterDir}/master_status`,
          `setAcl ${latchPath} world:anyone:cdrwa`,
        ]);
        expect(impostor.match(/Insufficient permission/g)?.length, impostor).toBe(6);

        // A Node tool without the secret gets a refusal it can report, not a crash of its process.
        const unauthenticated = await ZooKeeperSession.open(topologyZooKeeperConnect(topology));
        try {
          await expect(unauthenticated.children(latchPath)).rejects.toThrow(
            /found the session closed: the servers require authentication\. The cluster is closed: pass clusterSecret/,
          );
        } finally {
          unauthenticated.close();
        }

        expect(await owner.children(latchPath)).toEqual(latchBefore);
        expect((await theAliveMasterNode(topology)).name).toBe(aliveBefore);
      } finally {
        owner.close();
      }
    });
  });

  it('a ZooKeeper server without the secret cannot join the ensemble: the leader turns its quorum link away', async () => {
    const topology = await cluster.topology();
    const toolchain = JSON.parse(readFileSync(path.join(cluster.paths.clusterDir, 'cluster.json'), 'utf8')).toolchain;
    // A learner follows only after the leader admits it: the leader's refusal is what keeps it out. Started
    // the way spark-azure starts a joiner (a membership plus itself, which an ensemble lets follow without a
    // vote), knowing only the leader, on an address of its own, without the cluster secret.
    const leader = await zookeeperLeaderNode(topology);
    const rogue = mkdtempSync(path.join(os.tmpdir(), 'intruder-zookeeper-'));
    mkdirSync(path.join(rogue, 'data'));
    writeFileSync(path.join(rogue, 'data', 'myid'), '9\n');
    const membership = [`server.${leader.id}=${leader.host}:2888:3888:participant;${leader.host}:2181`, 'server.9=127.0.0.16:2888:3888:participant;127.0.0.16:2181'];
    writeFileSync(path.join(rogue, 'zoo.cfg.dynamic'), `${membership.join('\n')}\n`);
    writeFileSync(
      path.join(rogue, 'zoo.cfg'),
      `tickTime=1000\ninitLimit=10\nsyncLimit=5\ndataDir=${rogue}/data\nstandaloneEnabled=false\nreconfigEnabled=true\n4lw.commands.whitelist=srvr\nadmin.enableServer=false\ndynamicConfigFile=${rogue}/zoo.cfg.dynamic\n`,
    );
    const leaderLogBefore = statSync(cluster.logFile(leader)).size;
    const server = startIntruder(
      toolchain.java,
      [
        '-Xmx128m',
        '-Djava.net.preferIPv4Stack=true',
        '-cp',
        `${toolchain.zookeeperJar}:/usr/share/java/slf4j-simple.jar`,
        'org.apache.zookeeper.server.quorum.QuorumPeerMain',
        path.join(rogue, 'zoo.cfg'),
      ],
      {},
    );
    try {
      const refused = () =>
        readFileSync(cluster.logFile(leader)).subarray(leaderLogBefore).toString('utf8').includes('Learner not trying to authenticate and authentication is required');
      await expect.poll(refused, { timeout: 60_000, interval: 250 }).toBe(true);
      expect(await sendFourLetterWord({ host: '127.0.0.16', port: 2181 }, 'srvr', 2000)).toMatch(/not currently serving requests/);
      expect(server.output()).not.toMatch(/FOLLOWING|LEADING/);
      expect((await cluster.describe(topology)).healthy).toBe(true);
    } finally {
      await server.kill();
    }
  });

  it('passes the site playbook health gate, and fails it while a ZooKeeper server is down, also when limited to another server', async () => {
    const toolchain = JSON.parse(readFileSync(path.join(cluster.paths.clusterDir, 'cluster.json'), 'utf8')).toolchain;
    const inventory = path.join(cluster.paths.clusterDir, 'inventory.yml');
    const gate = { extraArgs: ['--tags', 'health', '-e', 'zookeeper_health_retries=2', '-e', 'zookeeper_health_delay_s=1'] };
    const healthy = await runPlaybookWith(toolchain.ansiblePlaybook, ROOT, inventory, gate);
    expect(healthy.exitCode, healthy.output).toBe(0);

    const follower = (await cluster.topology()).zookeepers.find((node) => description.nodes.find((n) => n.name === node.name)?.state === 'follower')!;
    const other = (await cluster.topology()).zookeepers.find((node) => node.name !== follower.name)!;
    // A run limited to one server (as reconcile's) waits for the whole ensemble all the same.
    const limited = { extraArgs: [...gate.extraArgs, '--limit', other.name] };
    const healthyLimited = await runPlaybookWith(toolchain.ansiblePlaybook, ROOT, inventory, limited);
    expect(healthyLimited.exitCode, healthyLimited.output).toBe(0);
    await cluster.nodeOperations().stop(follower);
    try {
      const degraded = await runPlaybookWith(toolchain.ansiblePlaybook, ROOT, inventory, gate);
      expect(degraded.exitCode).not.toBe(0);
      expect(degraded.output).toMatch(new RegExp(`fatal: \\[${follower.name}\\]`));
      const degradedLimited = await runPlaybookWith(toolchain.ansiblePlaybook, ROOT, inventory, limited);
      expect(degradedLimited.exitCode).not.toBe(0);
      expect(degradedLimited.output).toMatch(new RegExp(`fatal: \\[${other.name}\\]`));
    } finally {
      await cluster.nodeOperations().start(follower);
    }
    const topology = await cluster.topology();
    await expect.poll(async () => zookeeperLeader(await probeCluster(probeAddressesOf(topology)))?.syncedFollowers, { timeout: 30_000, interval: 500 }).toBe(2);
  });

  // As users run spark-azure, against the real local cluster: our reusable chaos and rolling-update
  // workflows run by a real workflow engine (act, host mode) for a user's repository, and the Azure DevOps
  // tasks installed from the packed extension and run from their installed folders.
  describe('the workflows and the installed tasks against the local cluster', () => {
    let topology: ClusterTopology;
    let sparkAzure: string;
    let unpackedExtension: string;
    const run = (caller: string) =>
      runWorkflow({
        caller,
        repository: userRepository({ 'README.md': 'a user repository\n' }),
        sparkAzure,
        vars: { SPARK_MASTERS: topologyMasterUrl(topology), SPARK_ZOOKEEPERS: topologyZooKeeperConnect(topology), SPARK_ZOOKEEPER_DIR: topology.sparkZooKeeperDir },
        env: { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
      });

    beforeAll(async () => {
      await ensureAct();
      sparkAzure = exportRepository();
      unpackedExtension = mkdtempSync(path.join(os.tmpdir(), 'vsix-unpacked-'));
      execFileSync('unzip', ['-q', packageExtension(mkdtempSync(path.join(os.tmpdir(), 'vsix-'))), '-d', unpackedExtension]);
      topology = await cluster.topology();
    });

    it('chaos, the reconcile drill: the ALIVE master destroyed and re-created, the job survives, no other process touched, the journal uploaded', async () => {
      const alive = (await mastersByStatus(topology)).ALIVE![0]!;
      const others = allNodes(topology).filter((node) => node.name !== alive.name);
      const pidsBefore = others.map((node) => cluster.processes.pid(node));
      const targetPidBefore = cluster.processes.pid(alive);
      const result = await run('chaos.yml');
      expect(result.exitCode, result.output).toBe(0);
      const uploaded = readdirSync(path.join(result.artifacts, 'failover-journal'));
      expect(uploaded).toHaveLength(1);
      const journal = JSON.parse(readFileSync(path.join(result.artifacts, 'failover-journal', uploaded[0]!), 'utf8')) as DrillJournal & { verdict: { passed: boolean } };
      expect(journal.experiment).toMatchObject({ fault: 'destroy', faultedMaster: formatHostPort(masterAddress(alive)) });
      expect(journal.verdict.passed).toBe(true);
      const restored = journal.entries.find((entry) => entry.kind === 'action' && entry.action === DRILL_ACTIONS.faultedMasterRestored);
      expect(restored).toMatchObject({ detail: expect.stringMatching(new RegExp(`^reconciled ${alive.name} in \\d+\\.\\d s$`)) });
      expect(checks(journal).map((check) => [check.check, check.ok])).toContainEqual([DRILL_CHECKS.jobFinished, true]);
      // Destroyed: a new process from configuration rendered again; every other node's process the same.
      expect(cluster.processes.pid(alive)).not.toBe(targetPidBefore);
      expect(others.map((node) => cluster.processes.pid(node))).toEqual(pidsBefore);
      const byStatus = await mastersByStatus(topology);
      expect(byStatus.STANDBY?.map((master) => master.name)).toEqual([alive.name]);
      expect(byStatus.ALIVE).toHaveLength(1);
      expect(result.output).toMatch(/the faulted master STANDBY again \d+(\.\d)? s after its re-creation began/);
    });

    it('rolling update: the nodes asked for rolled with the new role variable, the report uploaded, then the smoke test', async () => {
      const result = await run('rolling-update.yml');
      expect(result.exitCode, result.output).toBe(0);
      const [report] = readdirSync(path.join(result.artifacts, 'rolling-update-report'));
      const rolled = JSON.parse(readFileSync(path.join(result.artifacts, 'rolling-update-report', report!), 'utf8'));
      expect(rolled.figures.completed).toBe(true);
      expect(rolled.figures.stepSeconds.flatMap((step: { nodes: string[] }) => step.nodes).sort()).toEqual(['worker1', 'zk1']);
      expect(readFileSync(path.join(cluster.paths.clusterDir, 'nodes', 'zk1', 'conf', 'zoo.cfg'), 'utf8')).toMatch(/^autopurge\.snapRetainCount=5$/m);
      expect(result.output).toMatch(/roll\/spark-azure rolling update\/roll\].*Smoke test passed/);
    });

    // One node: the full roll in every order is rolling-update.test.ts's; this proves the installed task.
    it('Azure DevOps: the installed rolling-update task rolls the node asked for', async () => {
      const run = await runAzureDevOpsTask(
        'rolling-update',
        { masters: topologyMasterUrl(topology), roleVariables: 'zookeeper_autopurge_snap_retain_count=6', only: 'zk3' },
        { SPARK_AZURE_LOCAL_DIR: cluster.paths.clusterDir },
        { unpackedExtension },
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.completed).toBe('true');
      expect(run.outputs.rolledNodes).toBe('zk3');
      expect(readFileSync(path.join(cluster.paths.clusterDir, 'nodes', 'zk3', 'conf', 'zoo.cfg'), 'utf8')).toMatch(/^autopurge\.snapRetainCount=6$/m);
    });
  });

  it('leaves a running cluster alone on a second up', async () => {
    const pidsBefore = (await cluster.status())!.nodes.map((node) => node.pid);
    expect(pidsBefore.every((pid) => pid !== null)).toBe(true);
    const again = await cluster.up({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
    expect(again.alreadyRunning).toBe(true);
    expect(again.description.nodes.map((node) => node.pid)).toEqual(pidsBefore);
    await expect(cluster.up({ zookeeperCount: 3, masterCount: 2, workerCount: 3 })).rejects.toThrow(/2 workers already running/);
    expect((await cluster.status())!.nodes.map((node) => node.pid)).toEqual(pidsBefore);
  });

  it('down leaves no process behind', async () => {
    expect(cluster.processes.leftovers().length).toBeGreaterThanOrEqual(7);
    await cluster.down();
    expect(cluster.processes.leftovers()).toEqual([]);
    const status = await cluster.status();
    expect(status?.nodes.every((node) => node.pid === null && node.state !== 'ALIVE')).toBe(true);
  });
});
