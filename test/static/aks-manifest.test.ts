import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { $ } from 'zx';
import { parse } from 'yaml';
import { sparkApplicationOutcome, sparkPiApplication } from '../../src/core/spark/spark-application.js';
import { goBinary } from '../../src/tools/go-build.js';
import { ROOT } from '../support/run-bundle.js';

// The operator's own CRD, from its Go module at the chart version the playbook installs (the chart ships
// the same file): the SparkApplication the AKS smoke test applies must satisfy its openAPIV3Schema.
const PLAYBOOK = readFileSync(path.join(ROOT, 'infra', 'ansible', 'aks-spark-operator.yml'), 'utf8');
const CHART_VERSION = /spark_operator_chart_version: "([\d.]+)"/.exec(PLAYBOOK)?.[1];

const APPLICATION = {
  name: 'spark-azure-smoke-test',
  namespace: 'spark-jobs',
  image: 'docker.io/library/spark:4.0.0',
  sparkVersion: '4.0.0',
  serviceAccount: 'spark-operator-spark',
  executors: 2,
};

describe(`the AKS smoke test's SparkApplication, against the Spark operator ${CHART_VERSION}'s CRD`, () => {
  let validate: (manifest: unknown) => boolean;
  let errors: () => string;
  beforeAll(async () => {
    const download = await $({ quiet: true })`${goBinary()} mod download -json ${`github.com/kubeflow/spark-operator/v2@v${CHART_VERSION}`}`;
    const directory = (JSON.parse(download.stdout) as { Dir: string }).Dir;
    const crd = parse(readFileSync(path.join(directory, 'charts', 'spark-operator-chart', 'crds', 'sparkoperator.k8s.io_sparkapplications.yaml'), 'utf8')) as {
      spec: { versions: { name: string; schema: { openAPIV3Schema: object } }[] };
    };
    const schema = crd.spec.versions.find((version) => version.name === 'v1beta2')?.schema.openAPIV3Schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    const compiled = ajv.compile(schema ?? {});
    validate = (manifest) => compiled(manifest);
    errors = () => ajv.errorsText(compiled.errors);
  });

  it('is valid', () => {
    const manifest = sparkPiApplication(APPLICATION);
    expect(validate(manifest), errors()).toBe(true);
    expect(manifest).toMatchObject({ apiVersion: 'sparkoperator.k8s.io/v1beta2', kind: 'SparkApplication', metadata: { namespace: 'spark-jobs' } });
  });

  it('runs in the namespace the playbook makes the operator watch, on the Spark pool', () => {
    expect(PLAYBOOK).toContain(`spark_operator_job_namespace: ${APPLICATION.namespace}`);
    expect(JSON.stringify(sparkPiApplication(APPLICATION))).toContain('"spark-azure/workload":"spark"');
  });

  it('the schema catches a broken manifest', () => {
    const manifest = sparkPiApplication(APPLICATION) as { spec: Record<string, unknown> };
    expect(validate({ ...manifest, spec: { ...manifest.spec, mode: 'sideways' } })).toBe(false);
    expect(validate({ ...manifest, spec: { ...manifest.spec, type: undefined } })).toBe(false);
  });

  it('reads the operator status: COMPLETED passes, FAILED and SUBMISSION_FAILED fail with the message', () => {
    expect(sparkApplicationOutcome({ status: { applicationState: { state: 'RUNNING' } } })).toEqual({ final: false, state: 'RUNNING' });
    expect(sparkApplicationOutcome({})).toEqual({ final: false, state: 'NEW' });
    expect(sparkApplicationOutcome({ status: { applicationState: { state: 'COMPLETED' } } })).toMatchObject({ final: true, passed: true });
    expect(
      sparkApplicationOutcome({ status: { applicationState: { state: 'SUBMISSION_FAILED', errorMessage: 'no such service account' }, driverInfo: { podName: 'd' } } }),
    ).toEqual({
      final: true,
      passed: false,
      state: 'SUBMISSION_FAILED',
      message: 'no such service account',
      driverPod: 'd',
    });
    expect(sparkApplicationOutcome({ status: { applicationState: { state: 'FAILED' } } })).toMatchObject({ final: true, passed: false });
  });
});
