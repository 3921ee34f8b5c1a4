import { isLoopback } from '../inputs/host-port.js';

export type DeployMode = 'client' | 'cluster';

/** One spark-submit invocation, as data. */
export interface SparkSubmission {
  readonly masterUrl: string;
  /** A .py file or a .jar. */
  readonly application: string;
  readonly mainClass?: string;
  readonly arguments: readonly string[];
  readonly deployMode: DeployMode;
  readonly name: string;
  readonly conf: Readonly<Record<string, string>>;
  /** A closed cluster's secret: the driver reads it from a private properties file, never from argv. */
  readonly clusterSecret?: string;
}

/**
 * The argument vector for bin/spark-submit; never a shell string, so nothing needs quoting. A closed
 * cluster's driver reads its security properties, the secret among them, from `propertiesFile`.
 */
export function sparkSubmitArguments(submission: SparkSubmission, propertiesFile?: string): string[] {
  return [
    ...(propertiesFile ? ['--properties-file', propertiesFile] : []),
    '--master',
    submission.masterUrl,
    '--deploy-mode',
    submission.deployMode,
    '--name',
    submission.name,
    ...(submission.mainClass ? ['--class', submission.mainClass] : []),
    ...Object.entries(submission.conf).flatMap(([key, value]) => ['--conf', `${key}=${value}`]),
    submission.application,
    ...submission.arguments,
  ];
}

/**
 * Where a client-mode driver listens. Executors connect back to it, so it must be an address the workers
 * reach: on a loopback cluster that is 127.0.0.1 (never the host name's address); elsewhere the caller
 * says, or Spark picks the host's address.
 */
export function driverConf(masterHosts: readonly string[], driverHost: string | undefined): Record<string, string> {
  const host = driverHost ?? (masterHosts.every(isLoopback) ? '127.0.0.1' : undefined);
  return host ? { 'spark.driver.host': host, 'spark.driver.bindAddress': host } : {};
}
