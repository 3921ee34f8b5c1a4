import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RETIRE_ZOOKEEPER_COMMAND, azVmArguments, sshArguments, systemctlCommand, zookeeperReconfigureCommand } from '../../src/azure/remote-commands.js';
import { reconfigureArguments } from '../../src/core/cluster/ensemble-membership.js';

describe('commands for Azure VMs', () => {
  it('maps node operations onto the systemd units the roles install', () => {
    expect(systemctlCommand('kill', 'master')).toEqual(['sudo', 'sh', '-c', 'systemctl kill --signal=SIGKILL spark-azure-master; systemctl stop spark-azure-master']);
    expect(systemctlCommand('crash', 'master')).toEqual(['sudo', 'systemctl', 'kill', '--signal=SIGKILL', '--kill-whom=main', 'spark-azure-master']);
    expect(systemctlCommand('pause', 'master')).toEqual(['sudo', 'systemctl', 'kill', '--signal=SIGSTOP', '--kill-whom=main', 'spark-azure-master']);
    expect(systemctlCommand('stop', 'zookeeper')).toEqual(['sudo', 'systemctl', 'stop', 'spark-azure-zookeeper']);
    expect(systemctlCommand('restart', 'worker')).toEqual(['sudo', 'systemctl', 'restart', 'spark-azure-worker']);
  });

  it('builds a non-interactive ssh call through a jump host', () => {
    expect(sshArguments({ user: 'azureuser', keyFile: '/tmp/k/id', jumpHost: 'ops@10.0.0.4', port: 22 }, { host: '10.0.2.4' }, systemctlCommand('kill', 'master'))).toEqual([
      '-o',
      'BatchMode=yes',
      '-o',
      'ConnectTimeout=10',
      '-o',
      'StrictHostKeyChecking=accept-new',
      '-p',
      '22',
      '-i',
      '/tmp/k/id',
      '-J',
      'ops@10.0.0.4',
      '--',
      'azureuser@10.0.2.4',
      'sudo',
      'sh',
      '-c',
      `'systemctl kill --signal=SIGKILL spark-azure-master; systemctl stop spark-azure-master'`,
    ]);
  });

  it('quotes words the remote shell would split', () => {
    expect(sshArguments({ user: 'u', port: 2222 }, { host: 'h' }, ['echo', "it's here"]).slice(-2)).toEqual(['echo', `'it'\\''s here'`]);
  });

  it("hands reconfig its server line in one piece through the remote shell (its ';' would end the command)", () => {
    const zk4 = { name: 'zk4', role: 'zookeeper', host: '10.0.1.7', id: 4, clientPort: 2181, quorumPort: 2888, electionPort: 3888 } as const;
    const words = sshArguments({ user: 'u', port: 22 }, zk4, zookeeperReconfigureCommand(reconfigureArguments({ add: zk4 })));
    // ssh joins the words after '--' with spaces for the remote shell: parse them as that shell would.
    const remote = words.slice(words.indexOf('u@10.0.1.7') + 1).join(' ');
    const parsed = execFileSync('sh', ['-c', `printf '%s\\n' ${remote}`])
      .toString()
      .trim()
      .split('\n');
    expect(parsed).toEqual(['sudo', '-u', 'zookeeper', '/opt/spark-azure/bin/zookeeper-reconfigure', '-add', 'server.4=10.0.1.7:2888:3888:participant;10.0.1.7:2181']);
    expect(RETIRE_ZOOKEEPER_COMMAND).toEqual(['sudo', 'systemctl', 'disable', '--now', 'spark-azure-zookeeper']);
  });

  it('builds az vm calls for whole-machine faults', () => {
    expect(azVmArguments({ resourceGroup: 'rg-spark', subscription: 'sub-1', vmNames: {} }, 'spark-master-1', 'deallocate')).toEqual([
      'vm',
      'deallocate',
      '--resource-group=rg-spark',
      '--name=spark-master-1',
      '--subscription=sub-1',
    ]);
  });

  // The names are checked when the inputs are read (hostile-names.test.ts); these hold if one slips by.
  it('hands ssh a user that starts with - as part of the destination, never as an option (real ssh)', () => {
    const marker = path.join(mkdtempSync(path.join(os.tmpdir(), 'ssh-option-')), 'ran');
    // Port 9 on loopback: nothing answers, so ssh stops at connecting, after it has read its arguments.
    const words = sshArguments({ user: `-oProxyCommand=touch ${marker}`, port: 9 }, { host: '127.0.0.1' }, ['true']);
    const ssh = spawnSync('ssh', words, { encoding: 'utf8', timeout: 30_000 });
    expect(ssh.status).toBe(255);
    expect(ssh.stderr).toMatch(/remote username contains invalid characters/);
    expect(existsSync(marker), 'ssh ran the ProxyCommand').toBe(false);
    // The same words with the destination first, as built before: ssh reads the user as an option.
    const options = words.slice(0, words.indexOf('--'));
    spawnSync('ssh', [...options, `-oProxyCommand=touch ${marker}@127.0.0.1`, '--', 'true'], { timeout: 30_000 });
    expect(existsSync(`${marker}@127.0.0.1`), 'the old layout ran it (the check can fail)').toBe(true);
  });

  it('hands az every value in the same word as its option, so argparse never reads it as another option', () => {
    const words = azVmArguments({ resourceGroup: '--debug', vmNames: {} }, '--help', 'restart');
    expect(words).toEqual(['vm', 'restart', '--resource-group=--debug', '--name=--help']);
  });
});
