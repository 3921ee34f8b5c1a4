import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLUSTER_SECRET_NAME } from '../../src/core/infra/cluster-secret.js';
import { SPARK_SECURITY_PROPERTIES, driverSecurityProperties } from '../../src/core/spark/cluster-security.js';
import { ZOOKEEPER_CLUSTER_USER, ZOOKEEPER_PASSWORD_PURPOSE, zookeeperPassword } from '../../src/core/zookeeper/zookeeper-session.js';
import { ROOT } from '../support/run-bundle.js';

const read = (...parts: string[]) => readFileSync(path.join(ROOT, ...parts), 'utf8');

// A driver and a daemon that disagree on any security property cannot talk: one list each side, kept equal.
describe('the closed cluster, as the code and the infrastructure describe it', () => {
  it('the drivers speak the security properties the daemons are configured with', () => {
    const defaults = parse(read('infra', 'ansible', 'roles', 'spark', 'defaults', 'main.yml')) as {
      spark_security_properties: Record<string, string>;
      spark_authenticate: boolean;
    };
    expect(defaults.spark_authenticate).toBe(true);
    expect(defaults.spark_security_properties).toEqual(SPARK_SECURITY_PROPERTIES);
    for (const role of ['spark_master/templates/spark-master.properties.j2', 'spark_worker/templates/spark-worker.properties.j2']) {
      expect(read('infra', 'ansible', 'roles', ...role.split('/'))).toContain('{% for key, value in spark_security_properties | dictsort %}');
    }
  });

  it("the masters and the pipelines' tools are one ZooKeeper user, and the servers enforce authentication where Spark does", () => {
    const plugin = read('infra', 'spark-recovery', 'src', 'io', 'sparkazure', 'recovery', 'ClusterCredentials.java');
    expect(plugin).toContain(`static final String USER = "${ZOOKEEPER_CLUSTER_USER}";`);
    expect(plugin).toContain(`static final String PURPOSE = "${ZOOKEEPER_PASSWORD_PURPOSE}";`);
    expect(plugin).toContain('Mac.getInstance("HmacSHA256")');
    // RFC 4231 test case 2 (key "Jefe"), base64url: the derivation is HMAC-SHA256 as specified.
    expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    // What the plugin's ClusterCredentials.password("not-the-secret") printed (java, 2026-12-04): both sides agree.
    expect(zookeeperPassword('not-the-secret')).toBe('MF055uZ9Lo7PRLR54j0sy_z6jEWLwmLoswr_1xpVpGM');
    expect(zookeeperPassword('not-the-secret')).not.toContain('not-the-secret');
    const zookeeper = parse(read('infra', 'ansible', 'roles', 'zookeeper', 'defaults', 'main.yml')) as { zookeeper_enforce_auth: string };
    expect(zookeeper.zookeeper_enforce_auth).toBe('{{ spark_authenticate | default(true) }}');
    expect(read('infra', 'ansible', 'roles', 'zookeeper', 'templates', 'zoo-static.cfg.j2')).toMatch(
      /{% if zookeeper_enforce_auth \| bool %}\n(#.*\n)*enforce\.auth\.enabled=true\nenforce\.auth\.schemes=digest\n{% endif %}/,
    );
  });

  it("the servers' own links authenticate with the cluster secret where the cluster is closed, from a file only the server reads", () => {
    const zookeeper = parse(read('infra', 'ansible', 'roles', 'zookeeper', 'defaults', 'main.yml')) as { zookeeper_quorum_auth: string };
    expect(zookeeper.zookeeper_quorum_auth).toBe('{{ zookeeper_enforce_auth }}');
    const settings = read('infra', 'ansible', 'roles', 'zookeeper', 'templates', 'zoo-static.cfg.j2');
    for (const line of ['quorum.auth.enableSasl=true', 'quorum.auth.learnerRequireSasl=true', 'quorum.auth.serverRequireSasl=true']) expect(settings).toContain(`${line}\n`);
    expect(read('infra', 'ansible', 'roles', 'zookeeper', 'templates', 'run-zookeeper.j2')).toContain('-Djava.security.auth.login.config="$conf/quorum-jaas.conf"');
    const tasks = parse(read('infra', 'ansible', 'roles', 'zookeeper', 'tasks', 'configure.yml')) as {
      name: string;
      'ansible.builtin.template'?: { dest: string; mode: string };
      no_log?: boolean;
    }[];
    const jaas = tasks.find((task) => task['ansible.builtin.template']?.dest.endsWith('/quorum-jaas.conf'));
    expect(jaas?.['ansible.builtin.template']?.mode).toBe('0600');
    expect(jaas?.no_log).toBe(true);
  });

  it('a driver carries the secret in its properties file only, beside every security property', () => {
    const properties = driverSecurityProperties('s3cr3t-value');
    for (const [key, value] of Object.entries(SPARK_SECURITY_PROPERTIES)) expect(properties).toContain(`${key}=${value}\n`);
    expect(properties).toContain('spark.io.encryption.enabled=true\n');
    expect(properties.endsWith('spark.authenticate.secret=s3cr3t-value\n')).toBe(true);
  });

  it('envs/vm names the cluster secret as the actions read it, and takes its value only as an ephemeral, write-only one', () => {
    const store = read('infra', 'terraform', 'envs', 'vm', 'configuration-store.tf');
    const secret = /resource "azurerm_key_vault_secret" "cluster_secret" \{([^}]*)\}/.exec(store)?.[1] ?? '';
    expect(secret).toContain(`name             = "${CLUSTER_SECRET_NAME}"`);
    expect(secret).toMatch(/value_wo\s+= var\.cluster_secret\n/);
    expect(secret).not.toMatch(/^\s*value\s*=/m);
    const variable = /variable "cluster_secret" \{([\s\S]*?)\n\}/.exec(read('infra', 'terraform', 'envs', 'vm', 'variables.tf'))?.[1] ?? '';
    expect(variable).toMatch(/ephemeral\s+= true/);
    expect(variable).toMatch(/sensitive\s+= true/);
  });
});
