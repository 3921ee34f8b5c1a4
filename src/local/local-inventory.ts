import { userInfo } from 'node:os';
import { stringify } from 'yaml';
import type { ClusterNode, ClusterTopology } from '../core/cluster/topology.js';
import { nodeDir } from './paths.js';
import type { Toolchain } from './toolchain.js';

/**
 * The `local` Ansible inventory: the same roles as on Azure, with every path under the node's own
 * directory, nothing installed and no systemd. Role defaults stay the production values.
 */
export function localInventory(
  topology: ClusterTopology,
  clusterDir: string,
  toolchain: Toolchain,
  roleVariables: Readonly<Record<string, string>> = {},
  clusterName = 'local',
): string {
  const owner = userInfo().username;
  const hosts = (nodes: readonly ClusterNode[]) =>
    Object.fromEntries(nodes.map((node) => [node.name, { ansible_host: node.host, spark_azure_node_dir: nodeDir(clusterDir, node.name), ...roleVars(node) }]));
  const inventory = {
    all: {
      vars: {
        ansible_connection: 'local',
        ansible_python_interpreter: '{{ ansible_playbook_python }}',
        spark_azure_service_manager: 'none',
        spark_azure_cluster_name: clusterName,
        zookeeper_install: false,
        zookeeper_user: owner,
        zookeeper_launcher_owner: owner,
        zookeeper_conf_dir: '{{ spark_azure_node_dir }}/conf',
        zookeeper_data_dir: '{{ spark_azure_node_dir }}/data',
        zookeeper_log_dir: '{{ spark_azure_node_dir }}/logs',
        zookeeper_bin_dir: '{{ spark_azure_node_dir }}/bin',
        zookeeper_java: toolchain.java,
        zookeeper_heap_mb: 256,
        zookeeper_prometheus_jar_dir: toolchain.zookeeperMetricsJarDir,
        spark_install: false,
        spark_home: toolchain.sparkHome,
        spark_user: owner,
        spark_launcher_owner: owner,
        spark_python: toolchain.python,
        spark_conf_dir: '{{ spark_azure_node_dir }}/conf',
        spark_log_dir: '{{ spark_azure_node_dir }}/logs',
        spark_bin_dir: '{{ spark_azure_node_dir }}/bin',
        spark_master_daemon_memory_mb: 512,
        spark_master_recovery_plugin_jar: toolchain.recoveryPluginJar,
        spark_worker_daemon_memory_mb: 384,
        spark_worker_work_dir: '{{ spark_azure_node_dir }}/work',
        // One loopback address per worker: each health endpoint on its own worker's address.
        spark_worker_health_bind: '{{ ansible_host }}',
        ...roleVariables,
      },
      children: {
        zookeeper: { hosts: hosts(topology.zookeepers) },
        spark_masters: { hosts: hosts(topology.masters) },
        spark_workers: { hosts: hosts(topology.workers) },
      },
    },
  };
  return stringify(inventory);
}

/** The topology's per-node facts, under the role variables that consume them. */
function roleVars(node: ClusterNode): Record<string, unknown> {
  switch (node.role) {
    case 'zookeeper':
      return {
        zookeeper_id: node.id,
        zookeeper_client_port: node.clientPort,
        zookeeper_quorum_port: node.quorumPort,
        zookeeper_election_port: node.electionPort,
      };
    case 'master':
      return { spark_master_port: node.port, spark_master_webui_port: node.webUiPort };
    case 'worker':
      return { spark_worker_webui_port: node.webUiPort, spark_worker_cores: node.cores, spark_worker_memory_mb: node.memoryMb };
  }
}
