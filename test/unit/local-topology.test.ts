import { describe, expect, it } from 'vitest';
import { allNodes, topologyMasterUrl, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import { bootInputOf } from '../../src/core/infra/node-boot.js';
import { localTopology } from '../../src/local/local-topology.js';

describe('local topology', () => {
  it('puts each node on its own loopback address', () => {
    const topology = localTopology({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
    expect(allNodes(topology).map((node) => `${node.name}@${node.host}`)).toEqual([
      'zk1@127.0.0.11',
      'zk2@127.0.0.12',
      'zk3@127.0.0.13',
      'master1@127.0.0.21',
      'master2@127.0.0.22',
      'worker1@127.0.0.31',
      'worker2@127.0.0.32',
    ]);
    expect(topologyMasterUrl(topology)).toBe('spark://127.0.0.21:7077,127.0.0.22:7077');
    expect(topologyZooKeeperConnect(topology)).toBe('127.0.0.11:2181,127.0.0.12:2181,127.0.0.13:2181');
  });

  it('supports 5 ZooKeeper servers, 3 masters and more workers', () => {
    const topology = localTopology({ zookeeperCount: 5, masterCount: 3, workerCount: 6 });
    expect(new Set(allNodes(topology).map((node) => node.host)).size).toBe(14);
    expect(topology.zookeepers.map((node) => node.id)).toEqual([1, 2, 3, 4, 5]);
  });

  it.each([
    [{ zookeeperCount: 4, masterCount: 2, workerCount: 2 }, /^Input 'zookeeperCount': expected 3 or 5/],
    [{ zookeeperCount: 3, masterCount: 1, workerCount: 2 }, /^Input 'masterCount'/],
    [{ zookeeperCount: 3, masterCount: 2, workerCount: 0 }, /^Input 'workerCount'/],
  ])('refuses %j', (shape, message) => {
    expect(() => localTopology(shape)).toThrow(message);
  });

  it('boots every node from the inputs Terraform gives a VM of its role: fixed nodes know themselves, workers share one', () => {
    const topology = localTopology({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
    const store = { kind: 'file' as const, path: '/tmp/cluster/configuration-store/role-variables.json' };
    const [zk2, master1, worker1, worker2] = [topology.zookeepers[1]!, topology.masters[0]!, topology.workers[0]!, topology.workers[1]!];
    expect(bootInputOf(zk2, topology, 'local', store, {})).toMatchObject({
      role: 'zookeeper',
      node: { name: 'zk2', host: '127.0.0.12', zookeeper_id: 2 },
      zookeepers: [{ id: 1, name: 'zk1', host: '127.0.0.11' }, { id: 2 }, { id: 3 }],
      masters: [],
      zookeeper_dir: '/spark-azure/local',
    });
    expect(bootInputOf(master1, topology, 'local', store, {})).toMatchObject({
      node: { name: 'master1', host: '127.0.0.21' },
      masters: [{ name: 'master1' }, { name: 'master2' }],
    });
    const created = { spark_worker_cores: '2' };
    expect(bootInputOf(worker1, topology, 'local', store, created)).toEqual(bootInputOf(worker2, topology, 'local', store, created));
    expect(bootInputOf(worker1, topology, 'local', store, created)).toMatchObject({ node: null, zookeepers: [], role_variables: created });
  });
});
