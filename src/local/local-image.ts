import { userInfo } from 'node:os';
import { nodeDir } from './paths.js';
import type { Toolchain } from './toolchain.js';

/**
 * The local "image": what a golden image carries for the roles, here the local layout. Every path is under
 * the node's own directory (the node's `/`), Java, ZooKeeper and Spark are the toolchain's, nothing is
 * installed and there is no systemd (spark-azure supervises the processes). Role defaults stay the
 * production values; the memory of each daemon is a small VM's.
 */
export function localImageVariables(clusterDir: string, nodeName: string, toolchain: Toolchain): Record<string, unknown> {
  const owner = userInfo().username;
  return {
    spark_azure_node_dir: nodeDir(clusterDir, nodeName),
    spark_azure_service_manager: 'none',
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
    spark_cluster_secret_file: '{{ spark_azure_node_dir }}/etc/spark-azure/cluster-secret',
    spark_master_daemon_memory_mb: 512,
    spark_master_recovery_plugin_jar: toolchain.recoveryPluginJar,
    spark_worker_daemon_memory_mb: 384,
    spark_worker_work_dir: '{{ spark_azure_node_dir }}/work',
    // One loopback address per worker: each health endpoint on its own worker's address.
    spark_worker_health_bind: '{{ ansible_host }}',
  };
}
