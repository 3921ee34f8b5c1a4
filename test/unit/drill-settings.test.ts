import { describe, expect, it } from 'vitest';
import { readDrillSettings } from '../../src/actions/shared/drill-settings.js';
import { InputReader, recordInputSource } from '../../src/core/inputs/input-reader.js';

const LOCAL_MASTERS = [
  { host: '127.0.0.21', port: 7077 },
  { host: '127.0.0.22', port: 7077 },
];
const VM_MASTERS = [
  { host: '10.0.2.4', port: 7077 },
  { host: '10.0.2.5', port: 7077 },
];
const read = (record: Record<string, string>, masters = LOCAL_MASTERS) => readDrillSettings(new InputReader(recordInputSource(record)), masters);

describe('failover drill settings', () => {
  it('defaults to a hard kill on the local cluster, 12 s allowed', () => {
    expect(read({})).toMatchObject({ fault: 'kill', maxRecoverySeconds: 12, graceSeconds: 5, jobSeconds: 30, nodeAccess: { kind: 'local' } });
  });

  it('reads Azure access with one VM name per master', () => {
    const settings = read(
      {
        fault: 'vm-deallocate',
        nodeAccess: 'azure',
        sshUser: 'azureuser',
        azureResourceGroup: 'rg',
        masterVmNames: 'vm-m1, vm-m2',
        zookeepers: 'z1,z2,z3',
        zookeeperDir: '/spark-azure/prod',
      },
      VM_MASTERS,
    );
    expect(settings.nodeAccess).toMatchObject({ kind: 'azure', resourceGroup: 'rg', masterVmNames: ['vm-m1', 'vm-m2'], ssh: { user: 'azureuser', port: 22 } });
    expect(settings.zookeepers).toHaveLength(3);
    expect(settings.zookeeperDir).toBe('/spark-azure/prod');
  });

  it('fault destroy on Azure takes the Terraform root provision reconciles from; locally it needs nothing more', () => {
    const azure = {
      fault: 'destroy',
      nodeAccess: 'azure',
      sshUser: 'azureuser',
      azureResourceGroup: 'rg',
      masterVmNames: 'vm-m1,vm-m2',
      zookeepers: 'z1,z2,z3',
      zookeeperDir: '/spark-azure/prod',
    };
    const settings = read({ ...azure, workingDirectory: 'infra/prod', variables: 'image_id=/subscriptions/s/x', roleVariables: 'spark_worker_cores=4' }, VM_MASTERS);
    expect(settings.reconcile).toEqual({
      workingDirectory: 'infra/prod',
      varFile: undefined,
      variables: { image_id: '/subscriptions/s/x' },
      backendConfig: [],
      roleVariables: { spark_worker_cores: '4' },
    });
    expect(read({ fault: 'destroy' })).toMatchObject({ fault: 'destroy', nodeAccess: { kind: 'local' }, reconcile: undefined });
  });

  it('needs to be told how to reach masters that are not on this machine, and the cluster’s ZooKeeper directory', () => {
    expect(() => read({}, VM_MASTERS)).toThrow(/^Input 'nodeAccess': expected 'ssh' or 'azure' for masters that are not on this machine, found nothing/);
    expect(() => read({ nodeAccess: 'ssh', sshUser: 'u', zookeepers: 'z1,z2,z3' }, VM_MASTERS)).toThrow(/^Input 'zookeeperDir': expected the cluster's spark.deploy.zookeeper.dir/);
  });

  it.each([
    [{ fault: 'vm-restart' }, /^Input 'fault': expected 'kill', 'crash', 'stop' or 'restart' unless nodeAccess is 'azure'/],
    [{ fault: 'explode' }, /^Input 'fault': expected one of kill, crash, stop, restart, vm-restart, vm-deallocate/],
    [{ nodeAccess: 'ssh', sshUser: 'u' }, /^Input 'zookeepers'/],
    [{ nodeAccess: 'ssh', zookeepers: 'z1,z2,z3', zookeeperDir: '/spark-azure/prod' }, /^Input 'sshUser'/],
    [{ nodeAccess: 'azure', sshUser: 'u', zookeepers: 'z1,z2,z3', azureResourceGroup: 'rg', masterVmNames: 'only-one' }, /^Input 'masterVmNames': expected 2 VM names/],
    [{ maxRecoverySeconds: '0' }, /^Input 'maxRecoverySeconds'/],
    [
      { fault: 'destroy', nodeAccess: 'ssh', sshUser: 'u', zookeepers: 'z1,z2,z3', zookeeperDir: '/spark-azure/prod' },
      /^Input 'fault': expected 'destroy' only with nodeAccess 'azure' .* or 'local', found 'destroy' with nodeAccess 'ssh'\. Set nodeAccess to 'azure'/,
    ],
    [
      { fault: 'kill', workingDirectory: 'infra' },
      /^Input 'workingDirectory': expected it only with fault 'destroy' and nodeAccess 'azure' .*, found it with fault 'kill' and nodeAccess 'local'\./,
    ],
    [
      { fault: 'destroy', backendConfig: 'key=x' },
      /^Input 'backendConfig': expected it only with fault 'destroy' and nodeAccess 'azure'.*found it with fault 'destroy' and nodeAccess 'local'/,
    ],
  ])('refuses %j', (record, message) => {
    expect(() => read(record as Record<string, string>)).toThrow(message);
  });
});
