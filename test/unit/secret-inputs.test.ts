import { afterEach, describe, expect, it, vi } from 'vitest';
import { secretsInInputs } from '../../src/core/inputs/secret-inputs.js';
import { recordInputSource } from '../../src/core/inputs/input-reader.js';
import { cliPipeline } from '../../src/doors/cli-pipeline.js';

const INPUTS = {
  clusterSecret: 'cluster-secret-7f3a',
  backendConfig: 'storage_account_name=stspark\naccess_key=backend-key-91c2==\nbackend.hcl',
  roleVariables: 'zookeeper_heap_mb=1024;opsgenie_api_key=pager-key-4d1e',
  variables: 'image_id=/i/1\nhdinsight_gateway_password = gateway-pass-88aa ',
  livyUrl: 'https://admin:livy-pass-3b9c@spark.azurehdinsight.net/livy',
  alertmanagerUrl: 'https://alerts.example.com/api?token=am-token-12ef&team=ops',
};

describe('secrets inside inputs', () => {
  it('finds the secret inputs, credential-named settings and URL credentials, and nothing else', () => {
    const secrets = secretsInInputs((input) => INPUTS[input as keyof typeof INPUTS]);
    expect(secrets.sort()).toEqual(
      ['cluster-secret-7f3a', 'backend-key-91c2==', 'pager-key-4d1e', 'gateway-pass-88aa', 'admin:livy-pass-3b9c', 'livy-pass-3b9c', 'am-token-12ef', 'ops'].sort(),
    );
  });

  it('masks whole an entry that is no setting (a key pasted without its name), but not a backend file', () => {
    expect(secretsInInputs((input) => ({ backendConfig: 'container_name=tfstate\nZm9vYmFyLWtleQ==\nnot a setting\nbackend/prod.hcl' })[input])).toEqual([
      'Zm9vYmFyLWtleQ==',
      'not a setting',
    ]);
  });

  it('finds none in inputs that hold no credentials', () => {
    expect(secretsInInputs((input) => ({ variables: 'image_id=/i/1', livyUrl: 'https://spark.azurehdinsight.net/livy' })[input])).toEqual([]);
  });

  afterEach(() => vi.restoreAllMocks());

  it('the CLI masks them in everything it prints', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const pipeline = cliPipeline(recordInputSource(INPUTS));
    pipeline.log.info('terraform init -backend-config=access_key=backend-key-91c2==');
    pipeline.log.warning('POST https://admin:livy-pass-3b9c@spark.azurehdinsight.net/livy failed');
    pipeline.setOutput('url', 'https://alerts.example.com/api?token=am-token-12ef');
    pipeline.fail('pager-key-4d1e was refused');
    process.exitCode = 0;
    expect(printed).toEqual([
      'terraform init -backend-config=access_key=***',
      'warning: POST https://***@spark.azurehdinsight.net/livy failed',
      'url=https://alerts.example.com/api?token=***',
      'error: *** was refused',
    ]);
  });
});
