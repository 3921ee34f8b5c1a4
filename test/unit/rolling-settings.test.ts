import { describe, expect, it } from 'vitest';
import { readRollingUpdateSettings } from '../../src/actions/rolling-update/settings.js';
import { ROLE_VARIABLES, parseKeyValueLines } from '../../src/core/inputs/key-value-lines.js';
import { vmssInstanceIdsArguments, vmssReimageArguments, vmssSetImageArguments } from '../../src/azure/remote-commands.js';
import { InputReader, recordInputSource } from '../../src/core/inputs/input-reader.js';
import { commandFor } from '../../src/azure/update-methods.js';

const VMS = { masters: 'm1,m2', nodeAccess: 'ssh', sshUser: 'u', zookeepers: 'z1,z2,z3', zookeeperDir: '/spark-azure/prod', ansibleInventory: 'hosts.yml' };
const read = (record: Record<string, string>) => readRollingUpdateSettings(new InputReader(recordInputSource(record)));

describe('rolling-update settings', () => {
  it('defaults to the local cluster, one worker at a time', () => {
    expect(read({ masters: '127.0.0.21,127.0.0.22' })).toMatchObject({
      maxUnavailable: 1,
      dryRun: false,
      gateTimeoutSeconds: 180,
      nodeAccess: { kind: 'local' },
      method: { name: 'local', roleVariables: {} },
    });
  });

  it('defaults to Ansible on VMs', () => {
    const settings = read({
      masters: 'm1,m2',
      nodeAccess: 'ssh',
      sshUser: 'azureuser',
      zookeepers: 'z1,z2,z3',
      zookeeperDir: '/spark-azure/prod',
      ansibleInventory: 'hosts.yml',
      roleVariables: 'zookeeper_heap_mb=1024',
      workers: ' 10.0.3.4, worker-2.internal ',
    });
    expect(settings.workers).toEqual(['10.0.3.4', 'worker-2.internal']);
    expect(settings.method).toEqual({ name: 'ansible', inventory: 'hosts.yml', playbook: undefined, roleVariables: { zookeeper_heap_mb: '1024' } });
  });

  it.each([
    [{ masters: 'm1,m2', nodeAccess: 'ssh', sshUser: 'u' }, /^Input 'zookeepers'/],
    [{ masters: 'm1,m2', nodeAccess: 'ssh', sshUser: 'u', zookeepers: 'z1,z2,z3' }, /^Input 'zookeeperDir'/],
    [{ masters: 'm1,m2', nodeAccess: 'ssh', sshUser: 'u', zookeepers: 'z1,z2,z3', zookeeperDir: '/spark-azure/prod' }, /^Input 'ansibleInventory'/],
    [{ masters: 'm1,m2' }, /^Input 'nodeAccess': expected 'ssh' or 'azure' for masters that are not on this machine/],
    [{ masters: '127.0.0.21,127.0.0.22', updateMethod: 'reimage' }, /^Input 'imageId'/],
    [{ masters: '127.0.0.21,127.0.0.22', updateMethod: 'command' }, /^Input 'updateCommand'/],
    [{ masters: '127.0.0.21,127.0.0.22', maxUnavailable: '0' }, /^Input 'maxUnavailable'/],
    [
      { ...VMS, workers: '10.0.3.4,,10.0.3.5' },
      /^Input 'workers': expected host names or IP addresses, comma-separated, e\.g\. 10\.0\.3\.4,10\.0\.3\.5, found an empty entry in "10\.0\.3\.4,,10\.0\.3\.5"\. Fix that entry, or leave workers out\.$/,
    ],
    [{ ...VMS, workers: '10.0.3.4 10.0.3.5' }, /^Input 'workers': expected host names or IP addresses.*found "10\.0\.3\.4 10\.0\.3\.5" in/],
    [
      { masters: '127.0.0.21,127.0.0.22', workers: '127.0.0.31' },
      /^Input 'workers': expected it only with nodeAccess 'ssh' or 'azure' .*, found it with nodeAccess 'local', which ignores it\./,
    ],
    [{ masters: '127.0.0.21,127.0.0.22', expectedWorkers: '0' }, /^Input 'expectedWorkers': expected it only with nodeAccess 'ssh' or 'azure'/],
    [{ ...VMS, expectedWorkers: '-1' }, /^Input 'expectedWorkers'/],
    [
      { masters: '127.0.0.21,127.0.0.22', updateMethod: 'command', updateCommand: './x.sh {host}', roleVariables: 'a=1' },
      /^Input 'roleVariables': expected it only with updateMethod 'local' or 'ansible', found it with updateMethod 'command', which ignores it\. Leave roleVariables out, or set updateMethod to 'local' or 'ansible'\.$/,
    ],
    [
      { masters: '127.0.0.21,127.0.0.22', updateMethod: 'command', updateCommand: './x.sh', ansibleInventory: 'hosts.yml' },
      /^Input 'ansibleInventory': expected it only with updateMethod 'ansible'/,
    ],
    [{ masters: '127.0.0.21,127.0.0.22', updateCommand: './x.sh' }, /^Input 'updateCommand': expected it only with updateMethod 'command', found it with updateMethod 'local'/],
    [
      { masters: '127.0.0.21,127.0.0.22', updateMethod: 'reimage', imageId: '/i/1', azureResourceGroup: 'rg', workerScaleSet: 'vmss', ansiblePlaybook: 'site.yml' },
      /^Input 'ansiblePlaybook': expected it only with updateMethod 'ansible'/,
    ],
    [{ masters: '127.0.0.21,127.0.0.22', roleVariables: 'Heap=1' }, /^Input 'roleVariables': expected one role variable per line as name=value, found entry 1 named "Heap"/],
  ])('refuses %j', (record, message) => {
    expect(() => read(record as Record<string, string>)).toThrow(message);
  });

  it('reads role variables on lines or separated by semicolons', () => {
    expect(parseKeyValueLines('roleVariables', 'a_b=1\n c = two words ;d=', ROLE_VARIABLES)).toEqual({ a_b: '1', c: 'two words', d: '' });
  });

  it('refuses a role variable given twice, naming the entry and the name, never a value', () => {
    expect(() => parseKeyValueLines('roleVariables', 'datadog_api_key=first-value\nzookeeper_heap_mb=1024;datadog_api_key=second-value', ROLE_VARIABLES)).toThrow(
      /^Input 'roleVariables': expected one role variable per line as name=value, found entry 3 setting datadog_api_key again\. Give datadog_api_key once\.$/,
    );
  });

  it('fills a user command per node', () => {
    expect(
      commandFor(['./update.sh', '--host={host}', '{role}', '{name}'], {
        name: 'zk1',
        role: 'zookeeper',
        host: '10.0.1.4',
        id: 1,
        clientPort: 2181,
        quorumPort: 2888,
        electionPort: 3888,
      }),
    ).toEqual(['./update.sh', '--host=10.0.1.4', 'zookeeper', 'zk1']);
  });

  it('builds the scale-set reimage calls', () => {
    const access = { resourceGroup: 'rg', scaleSet: 'vmss-workers' };
    expect(vmssSetImageArguments(access, '/img/v2')).toEqual([
      'vmss',
      'update',
      '--resource-group=rg',
      '--name=vmss-workers',
      '--set=virtualMachineProfile.storageProfile.imageReference.id=/img/v2',
    ]);
    expect(vmssReimageArguments(access, '3')).toEqual(['vmss', 'reimage', '--resource-group=rg', '--name=vmss-workers', '--instance-ids=3']);
    expect(vmssInstanceIdsArguments(access)).toContain('--query=[].{ip: ipConfigurations[0].privateIPAddress, id: virtualMachine.id}');
  });
});
