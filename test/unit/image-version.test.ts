import { describe, expect, it } from 'vitest';
import { imageVersion } from '../../src/core/infra/image-version.js';
import { imageInputs } from '../../src/tools/image-inputs.js';
import { ROOT } from '../support/run-bundle.js';

const files = [
  { path: 'infra/packer/spark-node.pkr.hcl', content: 'source "azure-arm" "spark_node" {}' },
  { path: 'infra/ansible/roles/zookeeper/defaults/main.yml', content: 'zookeeper_tick_time_ms: 1000' },
];

describe('golden image version from content', () => {
  it('is a valid gallery version, the same for the same inputs in any order', () => {
    const version = imageVersion(files);
    expect(version).toMatch(/^1\.\d{1,8}\.\d{1,8}$/);
    for (const part of version.split('.')) expect(Number(part)).toBeLessThan(2 ** 31);
    expect(imageVersion([...files].reverse())).toBe(version);
  });

  it('changes when a role changes, or a file moves', () => {
    const version = imageVersion(files);
    expect(imageVersion([files[0]!, { ...files[1]!, content: 'zookeeper_tick_time_ms: 2000' }])).not.toBe(version);
    expect(imageVersion([files[0]!, { ...files[1]!, path: 'infra/ansible/roles/zookeeper/defaults/other.yml' }])).not.toBe(version);
  });

  it('covers the template, the roles and the plugin source of this repository', () => {
    const paths = imageInputs(ROOT).map((file) => file.path);
    expect(paths).toContain('infra/packer/spark-node.pkr.hcl');
    expect(paths).toContain('infra/ansible/roles/spark_master/templates/spark-master.properties.j2');
    expect(paths).toContain('infra/spark-recovery/src/io/sparkazure/recovery/SuspensionTolerantLeaderElectionAgent.java');
    expect(paths.some((file) => file.endsWith('.md'))).toBe(false);
  });
});
