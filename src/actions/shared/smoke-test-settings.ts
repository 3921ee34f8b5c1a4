import { readClusterSecret } from '../../core/inputs/secret-inputs.js';
import { existsSync } from 'node:fs';
import { InputError, describeValue } from '../../core/errors.js';
import type { Pipeline } from '../../core/pipeline.js';
import type { InputReader } from '../../core/inputs/input-reader.js';
import { parseKeyValueLines } from '../../core/inputs/key-value-lines.js';
import { parseMasterList } from '../../core/inputs/master-list.js';
import { SECRET_SPARK_PROPERTIES } from '../../core/spark/cluster-security.js';
import type { SparkJob, SubmissionMasters } from '../../core/spark/spark-job.js';
import type { ResultCheck } from '../../core/spark/submission-output.js';
import { userPath } from './user-paths.js';
import { HOST } from '../../core/inputs/name-patterns.js';

/** The smoke test's inputs: where to submit, the job itself, and the Spark to submit it with. */
export interface SmokeTestSettings extends SubmissionMasters, Omit<SparkJob, 'name'> {
  readonly sparkHome?: string;
}

export const MASTERS_EXAMPLE = '10.0.2.4:7077,10.0.2.5:7077';

export function readSmokeTestSettings(inputs: InputReader): SmokeTestSettings {
  const masters = parseMasterList('masters', inputs.required('masters', 'the Spark master list', MASTERS_EXAMPLE));
  const application = inputs.optional('application');
  const mainClass = inputs.optional('mainClass');
  const deployMode = inputs.oneOf('deployMode', ['client', 'cluster'] as const, 'client');
  if (application !== undefined && !/\.(py|jar)$/.test(application)) {
    throw new InputError('application', 'a .py or .jar file', describeValue(application), 'Give the path of a PySpark script or of an application jar.');
  }
  if (mainClass !== undefined && !application?.endsWith('.jar')) {
    throw new InputError(
      'mainClass',
      'it only with an application jar',
      application === undefined ? 'it without application' : `it with ${describeValue(application)}`,
      "Give the jar in 'application', or leave mainClass out.",
    );
  }
  if (application?.endsWith('.jar') && mainClass === undefined) {
    throw new InputError('mainClass', 'the main class of the jar', 'nothing', "Set 'mainClass', e.g. org.example.Job.");
  }
  if (deployMode === 'cluster' && !application?.endsWith('.jar')) {
    throw new InputError(
      'deployMode',
      "'client' for Python applications (standalone clusters run Python drivers only in client mode)",
      "'cluster'",
      "Use deployMode 'client', or submit a jar.",
    );
  }
  return {
    masters,
    masterWebUiPort: inputs.integer('masterWebUiPort', 8080, { min: 1, max: 65535 }),
    sparkHome: inputs.optional('sparkHome'),
    application,
    mainClass,
    arguments: parseArguments(inputs.optional('arguments')),
    deployMode,
    sparkConf: parseSparkConf(inputs.optional('sparkConf')),
    check: resultCheck(inputs.optional('expectedOutput'), application),
    driverHost: inputs.optionalName('driverHost', HOST),
    timeoutSeconds: inputs.seconds('timeoutSeconds', 300, { min: 10, max: 86_400 }),
    aliveMasterTimeoutSeconds: inputs.seconds('aliveMasterTimeoutSeconds', 120, { min: 1, max: 3600 }),
    clusterSecret: readClusterSecret(inputs),
  };
}

/** Whitespace-separated, or a JSON array when an argument itself contains spaces. */
export function parseArguments(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  if (raw.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || !parsed.every((item) => typeof item === 'string')) {
      throw new InputError('arguments', 'a JSON array of strings, or words separated by spaces', describeValue(raw), 'Fix the JSON, e.g. ["--input", "a b.csv"].');
    }
    return parsed;
  }
  return raw.split(/\s+/).filter((word) => word !== '');
}

/** Spark properties, one `spark.key=value` per line or `;`-separated on one line. */
export function parseSparkConf(raw: string | undefined): Record<string, string> {
  const conf = parseKeyValueLines('sparkConf', raw, {
    key: /^spark\.[A-Za-z0-9_.-]+$/,
    semicolons: true,
    expected: 'one spark.key=value per line',
    example: 'spark.executor.memory=1g',
  });
  const secret = Object.keys(conf).find((key) => SECRET_SPARK_PROPERTIES.some((pattern) => pattern.test(key)));
  if (secret !== undefined) {
    // Named, never quoted: the value is a secret, and sparkConf would put it on spark-submit's command line.
    throw new InputError(
      'sparkConf',
      'no secret among the Spark properties',
      secret,
      'Give the cluster secret as clusterSecret: the driver then reads it from a private properties file.',
    );
  }
  return conf;
}

/** A pattern when given; Pi for the default job; otherwise the exit status and the master's record decide. */
function resultCheck(expectedOutput: string | undefined, application: string | undefined): ResultCheck {
  if (expectedOutput === undefined) {
    return application === undefined || application.endsWith('pi.py') ? { kind: 'pi' } : { kind: 'exit-status' };
  }
  try {
    return { kind: 'pattern', pattern: new RegExp(expectedOutput, 'm') };
  } catch (error) {
    throw new InputError('expectedOutput', 'a valid regular expression', describeValue(expectedOutput), `Fix it: ${(error as Error).message}.`);
  }
}

/** The job the smoke test submits, as the settings describe it, with the application where it was found. */
export function smokeTestJob(settings: SmokeTestSettings, application = settings.application): SparkJob {
  return {
    name: 'spark-azure smoke test',
    application,
    mainClass: settings.mainClass,
    arguments: settings.arguments,
    deployMode: settings.deployMode,
    sparkConf: settings.sparkConf,
    check: settings.check,
    timeoutSeconds: settings.timeoutSeconds,
  };
}

/** The user's application, in their workspace, checked before anything is submitted. */
export function applicationIn(pipeline: Pipeline, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const application = userPath(pipeline, given);
  if (!existsSync(application)) {
    throw new InputError(
      'application',
      'a .py or .jar file in the workspace',
      describeValue(given),
      `No file at ${application}: give its path relative to the workspace, or absolute.`,
    );
  }
  return application;
}
