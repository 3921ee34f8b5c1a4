/**
 * The drill's faults, each with the node access it needs: the one place that says which fault can run
 * where (settings refuse the rest when the inputs are read; the drill relies on it).
 */

/** How an action reaches the nodes: the local cluster's processes, systemd over SSH, or Azure (SSH and az). */
export type NodeAccessKind = 'local' | 'ssh' | 'azure';

const ANYWHERE: readonly NodeAccessKind[] = ['local', 'ssh', 'azure'];
const VM_FAULT = {
  access: ['azure'],
  expected: "'kill', 'crash', 'stop' or 'restart' unless nodeAccess is 'azure'",
  fix: "Set nodeAccess to 'azure' (with azureResourceGroup and masterVmNames) for VM faults.",
} as const;

export const FAULT_ACCESS = {
  kill: { access: ANYWHERE },
  crash: { access: ANYWHERE },
  stop: { access: ANYWHERE },
  restart: { access: ANYWHERE },
  'vm-restart': VM_FAULT,
  'vm-deallocate': VM_FAULT,
  scale: {
    access: ['local', 'azure'],
    expected: "'scale' only with nodeAccess 'azure' (the scale set's capacity, workerScaleSet) or 'local'",
    fix: "Set nodeAccess to 'azure' with azureResourceGroup and workerScaleSet.",
  },
  destroy: {
    access: ['local', 'azure'],
    expected: "'destroy' only with nodeAccess 'azure' (the VM is deleted, then re-created by provision's reconcile) or 'local'",
    fix: "Set nodeAccess to 'azure' with azureResourceGroup, masterVmNames and your Terraform root (workingDirectory).",
  },
} as const satisfies Record<string, { access: readonly NodeAccessKind[]; expected?: string; fix?: string }>;

export type Fault = keyof typeof FAULT_ACCESS;

export const FAULTS = Object.keys(FAULT_ACCESS) as Fault[];

/** Why `fault` cannot run with this access, as the refusal says it; undefined when it can. */
export function faultAccessProblem(fault: Fault, access: NodeAccessKind): { expected: string; found: string; fix: string } | undefined {
  const rule: { access: readonly NodeAccessKind[]; expected?: string; fix?: string } = FAULT_ACCESS[fault];
  if (rule.access.includes(access)) return undefined;
  return {
    expected: rule.expected ?? `nodeAccess ${rule.access.map((kind) => `'${kind}'`).join(' or ')}`,
    found: `'${fault}' with nodeAccess '${access}'`,
    fix: rule.fix ?? `Set nodeAccess to ${rule.access.join(' or ')}.`,
  };
}
