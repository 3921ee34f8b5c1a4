#!/usr/bin/env node
// Does a ZooKeeper server with an empty data directory help elect a leader that misses committed writes?
// Three servers of Debian's ZooKeeper on 127.0.0.51-53 (their own addresses, beside any local cluster):
//   1. all three start (first start: an `initialize` file each), /before is written;
//   2. server 1 is killed; /while1down is written (committed by servers 2 and 3);
//   3. servers 2 and 3 are killed; server 2's data directory is wiped (a re-created VM);
//   4. servers 1 (behind) and 2 (empty) start: do they form a quorum, and is /while1down lost?
// Once with zookeeper.db.autocreate=false (spark-azure's setting), once with ZooKeeper's default (true).
// Usage: node bench/zookeeper-empty-vote.mjs
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { machineLine, writeResult } from './results.mjs';

const CLASSPATH = '/usr/share/java/zookeeper.jar:/usr/share/java/slf4j-simple.jar:/usr/share/java/jline.jar';
const host = (id) => `127.0.0.5${id}`;
const work = mkdtempSync(path.join(os.tmpdir(), 'bench-empty-vote-'));

function fourLetterWord(id, word) {
  return new Promise((resolve) => {
    let reply = '';
    const socket = createConnection({ host: host(id), port: 2181 }, () => socket.end(word));
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('data', (chunk) => (reply += chunk));
    socket.on('close', () => resolve(reply));
    socket.on('error', () => resolve(''));
  });
}
const mode = async (id) => /Mode: (\w+)/.exec(await fourLetterWord(id, 'srvr'))?.[1] ?? 'not serving';
const cli = (id, ...command) =>
  execFileSync('java', ['-cp', CLASSPATH, 'org.apache.zookeeper.ZooKeeperMain', '-server', `${host(id)}:2181`, ...command], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();

async function scenario(autocreate) {
  const servers = {};
  const dataDir = (id) => path.join(work, autocreate, `d${id}`);
  const start = (id) => {
    const config = path.join(work, autocreate, `zoo${id}.cfg`);
    writeFileSync(
      config,
      [
        `tickTime=1000`,
        `initLimit=10`,
        `syncLimit=5`,
        `dataDir=${dataDir(id)}`,
        `clientPort=2181`,
        `clientPortAddress=${host(id)}`,
        '4lw.commands.whitelist=srvr',
        'admin.enableServer=false',
        ...[1, 2, 3].map((peer) => `server.${peer}=${host(peer)}:2888:3888`),
      ].join('\n'),
    );
    servers[id] = spawn('java', ['-Xmx128m', `-Dzookeeper.db.autocreate=${autocreate}`, '-cp', CLASSPATH, 'org.apache.zookeeper.server.quorum.QuorumPeerMain', config], {
      stdio: 'ignore',
    });
  };
  const kill = async (id) => {
    servers[id].kill('SIGKILL');
    await new Promise((resolve) => servers[id].once('exit', resolve));
  };
  const fresh = (id, initialize) => {
    rmSync(dataDir(id), { recursive: true, force: true });
    mkdirSync(dataDir(id), { recursive: true });
    writeFileSync(path.join(dataDir(id), 'myid'), `${id}\n`);
    if (initialize) writeFileSync(path.join(dataDir(id), 'initialize'), '');
  };
  for (const id of [1, 2, 3]) fresh(id, true);
  for (const id of [1, 2, 3]) start(id);
  await sleep(6000);
  cli(2, 'create', '/before', '1');
  await kill(1);
  cli(2, 'create', '/while1down', '1');
  await kill(3);
  await kill(2);
  fresh(2, false);
  start(1);
  start(2);
  await sleep(10_000);
  const modes = [await mode(1), await mode(2)];
  const serving = modes.some((m) => m === 'leader');
  const lost = serving ? !cli(1, 'ls', '/').includes('while1down') : undefined;
  for (const id of [1, 2]) await kill(id);
  return { autocreate, modes, serving, lost };
}

const rows = [];
for (const autocreate of ['false', 'true']) {
  const result = await scenario(autocreate);
  rows.push(result);
  console.error(`autocreate=${autocreate}: server 1 ${result.modes[0]}, server 2 ${result.modes[1]}${result.serving ? `, /while1down ${result.lost ? 'LOST' : 'kept'}` : ''}`);
}
rmSync(work, { recursive: true, force: true });
writeResult(
  'zookeeper-empty-vote.md',
  `# A ZooKeeper server with an empty data directory, and the election

Three servers of Debian's ZooKeeper (${execFileSync('dpkg-query', ['-W', '-f', '\${Version}', 'zookeeper']).toString()}) on their own loopback addresses. Server 1 stops; a write is
committed by servers 2 and 3; both stop; server 2's data directory is wiped (a re-created VM, myid kept, no
\`initialize\` file); servers 1 (behind) and 2 (empty) start, 10 s are given to elect.

Reproduce: \`node bench/zookeeper-empty-vote.mjs\`

${machineLine()}

| zookeeper.db.autocreate | server 1 (behind) | server 2 (empty) | the write made while server 1 was down |
|---|---|---|---|
${rows.map((row) => `| ${row.autocreate}${row.autocreate === 'false' ? ' (spark-azure)' : ' (ZooKeeper default)'} | ${row.modes[0]} | ${row.modes[1]} | ${row.serving ? (row.lost ? '**lost**' : 'kept') : 'no quorum: waits for server 3, which has it'} |`).join('\n')}

With the default, the empty server votes with the server that is behind, they form a quorum, and a write
ZooKeeper had acknowledged is gone. With \`zookeeper.db.autocreate=false\` the empty server starts as
"missing data" (zxid -1) and helps elect nobody: the ensemble waits for a server that has the write.
`,
);
