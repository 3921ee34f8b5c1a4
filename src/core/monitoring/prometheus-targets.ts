import type { ClusterTopology } from '../cluster/topology.js';

/** The port ZooKeeper's Prometheus metrics provider listens on (the zookeeper role's default). */
export const ZOOKEEPER_METRICS_PORT = 7000;

export interface ScrapeJob {
  readonly job: string;
  readonly metricsPath: string;
  readonly targets: readonly string[];
}

/**
 * What Prometheus scrapes on a cluster, by the job names the alert rules expect: each master's and
 * worker's PrometheusServlet, each ZooKeeper server's metrics provider. The masters' ALIVE status is a
 * blackbox probe of /json/ (masterStatusTargets), since a STANDBY serves the same metrics as zeros.
 */
export function scrapeJobs(topology: ClusterTopology): ScrapeJob[] {
  return [
    { job: 'spark-master', metricsPath: '/metrics/master/prometheus/', targets: topology.masters.map((master) => `${master.host}:${master.webUiPort}`) },
    { job: 'spark-applications', metricsPath: '/metrics/applications/prometheus/', targets: topology.masters.map((master) => `${master.host}:${master.webUiPort}`) },
    { job: 'spark-worker', metricsPath: '/metrics/prometheus/', targets: topology.workers.map((worker) => `${worker.host}:${worker.webUiPort}`) },
    { job: 'zookeeper', metricsPath: '/metrics', targets: topology.zookeepers.map((server) => `${server.host}:${ZOOKEEPER_METRICS_PORT}`) },
  ];
}

/** The URLs the blackbox exporter probes for the job spark-master-status. */
export function masterStatusTargets(topology: ClusterTopology): string[] {
  return topology.masters.map((master) => `http://${master.host}:${master.webUiPort}/json/`);
}
