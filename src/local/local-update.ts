import type { NodeOperations } from '../core/nodes/node-operations.js';
import type { UpdateMethod } from '../core/rolling/update-method.js';
import type { LocalCluster } from './local-cluster.js';

/**
 * The local cluster's update: new role variables rendered into every node's configuration first (nothing
 * restarts), then each node restarted when the roll reaches it: the same split as Ansible and
 * rolling-update on VMs.
 */
export function localUpdate(cluster: LocalCluster, roleVariables: Readonly<Record<string, string>>, operations: NodeOperations): UpdateMethod {
  const changes = Object.entries(roleVariables)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return {
    description: changes ? `local configuration: ${changes}` : 'local restart',
    prepare: () => cluster.reconfigure(roleVariables),
    apply: async (node) => {
      await operations.restart(node);
      return `${node.name} restarted`;
    },
  };
}
