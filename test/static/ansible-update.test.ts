import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ansibleUpdate } from '../../src/azure/update-methods.js';
import type { ClusterNode } from '../../src/core/cluster/topology.js';
import { silentLog } from '../../src/core/log.js';
import type { NodeOperations } from '../../src/core/nodes/node-operations.js';
import { cliDirectories } from '../../src/doors/cli-pipeline.js';
import { ensurePythonEnvironment } from '../../src/tools/installers.js';
import { ROOT } from '../support/run-bundle.js';

// The ansible update method with the real ansible-playbook: role variables reach the play from the 0600
// file given as `-e @file`, as strings, and never appear among any process's arguments.
describe('the ansible update method', () => {
  it('passes role variables and the key file through -e @file, off the command line', async () => {
    const venv = await ensurePythonEnvironment('local-cluster', cliDirectories().toolCache, silentLog);
    const work = mkdtempSync(path.join(os.tmpdir(), 'ansible-update-'));
    const record = path.join(work, 'record.json');
    const inventory = path.join(work, 'hosts.yml');
    writeFileSync(inventory, `all:\n  vars:\n    record_file: ${record}\n    ansible_python_interpreter: ${path.join(venv, 'bin', 'python')}\n  hosts:\n    zk-1: {}\n`);
    const variables = path.join(work, 'extra-variables.json');
    const sentinel = 'sentinel-token-4c1f9e';
    writeFileSync(variables, JSON.stringify({ zookeeper_heap_mb: '1024', datadog_api_key: sentinel, ansible_ssh_private_key_file: '/run/key' }), { mode: 0o600 });

    const restarted: string[] = [];
    const operations = { restart: async (node: ClusterNode) => void restarted.push(node.name) } as unknown as NodeOperations;
    const method = ansibleUpdate(
      {
        ansiblePlaybook: path.join(venv, 'bin', 'ansible-playbook'),
        inventory,
        playbook: path.join(ROOT, 'test', 'fixtures', 'ansible-extra-variables', 'record.yml'),
        extraVariablesFile: variables,
      },
      operations,
    );
    const arguments_: string[] = [];
    const watcher = setInterval(() => {
      for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
        try {
          arguments_.push(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
        } catch {
          // Gone meanwhile.
        }
      }
    }, 20);
    try {
      const outcome = await method.apply({ name: 'zk-1', host: '127.0.0.1', role: 'zookeeper' } as ClusterNode);
      expect(outcome).toBe('zk-1: playbook applied, restarted');
    } finally {
      clearInterval(watcher);
    }
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ heap: '1024', token: sentinel, key: '/run/key' });
    expect(restarted).toEqual(['zk-1']);
    // The watcher saw the playbook run, and no argument held a variable's value.
    expect(arguments_.some((command) => command.includes('record.yml'))).toBe(true);
    expect(arguments_.filter((command) => command.includes(sentinel) || command.includes('zookeeper_heap_mb'))).toEqual([]);
  });
});
