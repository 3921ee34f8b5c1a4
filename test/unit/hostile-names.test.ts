import { describe, expect, it } from 'vitest';
import { readProvisionSettings } from '../../src/actions/provision/settings.js';
import { readRollingUpdateSettings } from '../../src/actions/rolling-update/settings.js';
import { readSmokeTestSettings } from '../../src/actions/shared/smoke-test-settings.js';
import { readAksSmokeTest } from '../../src/actions/smoke-test/aks.js';
import { readHdinsightSmokeTest } from '../../src/actions/smoke-test/hdinsight.js';
import { InputReader, recordInputSource } from '../../src/core/inputs/input-reader.js';

const reader = (record: Record<string, string>) => new InputReader(recordInputSource(record));
const VMS = { masters: 'm1,m2', nodeAccess: 'ssh', sshUser: 'azureuser', zookeepers: 'z1,z2,z3', zookeeperDir: '/spark-azure/prod', ansibleInventory: 'hosts.yml' };
const { ansibleInventory: _ansible, ...SSH } = VMS;
const roll = (extra: Record<string, string>) => () => readRollingUpdateSettings(reader({ ...(extra.updateMethod ? SSH : VMS), ...extra }));

// Names reach ssh, az, kubectl and Ansible as one word each: a value another tool would read as an option,
// or as more than one word, is refused before anything runs, naming the input.
describe('names handed to other tools', () => {
  it.each([
    ['sshUser', '-oProxyCommand=touch /tmp/pwned', roll({ sshUser: '-oProxyCommand=touch /tmp/pwned' })],
    ['sshUser', 'azure user', roll({ sshUser: 'azure user' })],
    ['sshJumpHost', '-J evil', roll({ sshJumpHost: '-J evil' })],
    ['sshJumpHost', 'bastion -oProxyCommand=x', roll({ sshJumpHost: 'bastion -oProxyCommand=x' })],
    ['zookeeperDir', '/spark-azure/prod\n/other', roll({ zookeeperDir: '/spark-azure/prod\n/other' })],
    ['zookeeperDir', 'spark-azure/prod', roll({ zookeeperDir: 'spark-azure/prod' })],
    ['azureResourceGroup', '--debug; rm -rf ~', roll({ updateMethod: 'reimage', imageId: '/i/1', workerScaleSet: 'vmss-w', azureResourceGroup: '--debug; rm -rf ~' })],
    ['workerScaleSet', '--help', roll({ updateMethod: 'reimage', imageId: '/i/1', workerScaleSet: '--help', azureResourceGroup: 'rg-spark' })],
    ['updateCommand', '-rf /', roll({ updateMethod: 'command', updateCommand: '-rf /' })],
    ['only', 'zk1,$(touch /tmp/pwned)', roll({ only: 'zk1,$(touch /tmp/pwned)' })],
    ['only', 'zk1\nmaster1', roll({ only: 'zk1\nmaster1' })],
    ['only', '--help', roll({ only: '--help' })],
    ['planFile', 'plan\nfile', () => readProvisionSettings(reader({ command: 'plan', planFile: 'plan\nfile' }))],
    ['planFile', '-out=x', () => readProvisionSettings(reader({ command: 'plan', planFile: '-out=x' }))],
    [
      'gatewayUser',
      'admin:pw',
      () => readHdinsightSmokeTest(reader({ livyUrl: 'https://x.azurehdinsight.net/livy', gatewayPassword: 'p', application: 'a.py', gatewayUser: 'admin:pw' })),
    ],
    ['masterVmNames', 'vm-1,vm-2', roll({ masterVmNames: 'vm-1,vm-2' })],
    ['azureResourceGroup', 'rg-spark', roll({ updateMethod: 'command', updateCommand: './x.sh', azureResourceGroup: 'rg-spark' })],
    ['driverHost', '-Dx=y', () => readSmokeTestSettings(reader({ masters: 'm1', driverHost: '-Dx=y' }))],
    ['sshUser', '-oProxyCommand=x', () => readProvisionSettings(reader({ command: 'plan', sshUser: '-oProxyCommand=x' }))],
    ['sshJumpHost', 'a;b', () => readProvisionSettings(reader({ command: 'plan', sshJumpHost: 'a;b' }))],
    ['namespace', 'Spark;jobs', () => readAksSmokeTest(reader({ kubeconfig: 'apiVersion: v1', namespace: 'Spark;jobs' }))],
    ['serviceAccount', '--as=admin', () => readAksSmokeTest(reader({ kubeconfig: 'apiVersion: v1', serviceAccount: '--as=admin' }))],
    ['sparkImage', '--privileged:4.0.0', () => readAksSmokeTest(reader({ kubeconfig: 'apiVersion: v1', sparkImage: '--privileged:4.0.0' }))],
  ])('%s %j is refused in one line naming the input', (input, _value, read) => {
    expect(read).toThrowError(new RegExp(`^Input '${input}': expected [^\\n]+$`));
  });

  // A secret's refusal says what it should look like and never shows it.
  it.each([
    ['sshPrivateKey', 'hunter2-not-a-key', roll({ sshPrivateKey: 'hunter2-not-a-key' })],
    ['clusterSecret', 'abc\nspark.authenticate=false', roll({ clusterSecret: 'abc\nspark.authenticate=false' })],
    ['clusterSecret', 'short', () => readSmokeTestSettings(reader({ masters: 'm1', clusterSecret: 'short' }))],
    ['kubeconfig', 'token-only-9f', () => readAksSmokeTest(reader({ kubeconfig: 'token-only-9f' }))],
  ])('%s %j is refused without being shown', (input, value, read) => {
    expect(read).toThrowError(new RegExp(`^Input '${input}': expected [^\\n]+, found another value \\(not shown: it is a secret\\)\\. [^\\n]+$`));
    try {
      read();
    } catch (error) {
      expect((error as Error).message).not.toContain(value.split('\n')[0]);
    }
  });

  it('takes the names users give', () => {
    const settings = readRollingUpdateSettings(
      reader({ ...VMS, sshUser: 'azure.user_1', sshJumpHost: 'ops@bastion.example.com:2222', zookeeperDir: '/spark-azure/spark-prod.eu' }),
    );
    expect(settings.nodeAccess).toMatchObject({ ssh: { user: 'azure.user_1', jumpHost: 'ops@bastion.example.com:2222' } });
    const reimage = readRollingUpdateSettings(
      reader({ ...SSH, updateMethod: 'reimage', imageId: '/i/1', workerScaleSet: 'vmss-spark_prod.1', azureResourceGroup: 'rg-Spark_(prod).eu' }),
    );
    expect(reimage.method).toMatchObject({ scaleSet: 'vmss-spark_prod.1', resourceGroup: 'rg-Spark_(prod).eu' });
    expect(
      readAksSmokeTest(reader({ kubeconfig: 'apiVersion: v1', namespace: 'spark-jobs', serviceAccount: 'spark.runner', sparkImage: 'myacr.azurecr.io/spark@sha256:ab:4.3.0' }))
        .application,
    ).toMatchObject({
      namespace: 'spark-jobs',
      serviceAccount: 'spark.runner',
    });
  });
});
