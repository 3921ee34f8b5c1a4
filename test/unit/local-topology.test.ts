import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allNodes, topologyMasterUrl, topologyZooKeeperConnect } from '../../src/core/cluster/topology.js';
import { localInventory } from '../../src/local/local-inventory.js';
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

  it('renders an inventory with the groups the site playbook targets and the topology in host vars', () => {
    const topology = localTopology({ zookeeperCount: 3, masterCount: 2, workerCount: 2 });
    const toolchain = {
      java: 'java',
      python: '/venv/bin/python',
      ansiblePlaybook: '/venv/bin/ansible-playbook',
      sparkHome: '/spark',
      recoveryPluginJar: '/plugin.jar',
      zookeeperJar: '/zk.jar',
      zookeeperMetricsJarDir: '/zk-metrics',
    };
    const inventory = parse(localInventory(topology, '/tmp/cluster', toolchain));
    const groups = inventory.all.children;
    expect(Object.keys(groups)).toEqual(['zookeeper', 'spark_masters', 'spark_workers']);
    expect(groups.zookeeper.hosts.zk2).toMatchObject({ ansible_host: '127.0.0.12', zookeeper_id: 2, zookeeper_client_port: 2181, spark_azure_node_dir: '/tmp/cluster/nodes/zk2' });
    expect(groups.spark_workers.hosts.worker1).toMatchObject({ spark_worker_cores: 2, spark_worker_memory_mb: 1536 });
    expect(inventory.all.vars).toMatchObject({ spark_azure_service_manager: 'none', spark_home: '/spark', zookeeper_install: false });
  });
});
