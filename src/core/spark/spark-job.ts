import type { HostPort } from '../inputs/host-port.js';
import type { DeployMode } from './spark-submit.js';
import type { ResultCheck } from './submission-output.js';

/** Where jobs are submitted: the masters, their web UIs, and where a client-mode driver listens. */
export interface SubmissionMasters {
  readonly masters: readonly HostPort[];
  readonly masterWebUiPort: number;
  /** The address client-mode drivers listen on; the workers must reach it. */
  readonly driverHost?: string;
  /** How long to wait for exactly one ALIVE master before submitting. */
  readonly aliveMasterTimeoutSeconds: number;
  /** The closed cluster's secret (docs/security.md); none for an open cluster. */
  readonly clusterSecret?: string;
}

/** One job: what runs, how, and how its output is judged. */
export interface SparkJob {
  readonly name: string;
  /** A .py or .jar; undefined runs Spark's own Pi example (Python). */
  readonly application?: string;
  readonly mainClass?: string;
  readonly arguments: readonly string[];
  readonly deployMode: DeployMode;
  readonly sparkConf: Readonly<Record<string, string>>;
  readonly check: ResultCheck;
  readonly timeoutSeconds: number;
}
