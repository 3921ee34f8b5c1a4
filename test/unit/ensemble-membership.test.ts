import { describe, expect, it } from 'vitest';
import type { ZooKeeperNode } from '../../src/core/cluster/topology.js';
import { parseMembership, reconfigureArguments, serverLine, voterIds } from '../../src/core/cluster/ensemble-membership.js';

// The end of a real `conf` reply from Debian's ZooKeeper 3.8 after `reconfig -add` of server 4.
const CONF = `clientPort=2181
secureClientPort=-1
dataDir=/tmp/rx/s1/data/version-2
initLimit=10
syncLimit=5
electionAlg=3
electionPort=3888
quorumPort=2888
peerType=0
membership: 
server.1=127.0.0.11:2888:3888:participant;127.0.0.11:2181
server.2=127.0.0.12:2888:3888:participant;127.0.0.12:2181
server.3=127.0.0.13:2888:3888:participant;127.0.0.13:2181
server.4=127.0.0.14:2888:3888:participant;127.0.0.14:2181
server.5=10.0.1.9:2888:3888:observer;2181
version=100000002
`;

const zk4: ZooKeeperNode = { name: 'zk4', role: 'zookeeper', host: '127.0.0.14', id: 4, clientPort: 2181, quorumPort: 2888, electionPort: 3888 };

describe('ZooKeeper membership', () => {
  it('reads the members, their roles, client addresses and the version from conf', () => {
    const membership = parseMembership(CONF)!;
    expect(membership.version).toBe(0x100000002n);
    expect(membership.members).toHaveLength(5);
    expect(membership.members[3]).toEqual({ id: 4, host: '127.0.0.14', role: 'participant', client: { host: '127.0.0.14', port: 2181 } });
    // No client address: the server's own host.
    expect(membership.members[4]).toEqual({ id: 5, host: '10.0.1.9', role: 'observer', client: { host: '10.0.1.9', port: 2181 } });
    expect(voterIds(membership)).toEqual([1, 2, 3, 4]);
  });

  it('says nothing when the reply has no membership (not serving, or ZooKeeper before 3.5)', () => {
    expect(parseMembership('This ZooKeeper instance is not currently serving requests\n')).toBeUndefined();
    expect(parseMembership('membership: \nversion=0\n')).toBeUndefined();
  });

  it('asks reconfig for a voter serving clients on its own address, or removes by id', () => {
    expect(serverLine(zk4)).toBe('server.4=127.0.0.14:2888:3888:participant;127.0.0.14:2181');
    expect(reconfigureArguments({ add: zk4 })).toEqual(['-add', 'server.4=127.0.0.14:2888:3888:participant;127.0.0.14:2181']);
    expect(reconfigureArguments({ remove: zk4 })).toEqual(['-remove', '4']);
    // The line parses back to the same member.
    expect(parseMembership(`membership: \n${serverLine(zk4)}\nversion=1\n`)!.members).toEqual([
      { id: 4, host: '127.0.0.14', role: 'participant', client: { host: '127.0.0.14', port: 2181 } },
    ]);
  });
});
