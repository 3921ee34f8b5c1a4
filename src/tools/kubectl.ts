import { $ } from 'zx/core';
import { requireSuccess } from './tool-result.js';

/** kubectl against one cluster, through a kubeconfig file (0600, in the run's scratch directory). */
export class Kubectl {
  constructor(private readonly kubeconfig: string) {}

  async apply(manifestFile: string): Promise<void> {
    const result = await $({ nothrow: true, quiet: true })`kubectl --kubeconfig ${this.kubeconfig} apply -f ${manifestFile}`;
    requireSuccess(
      result,
      'kubectl apply',
      result.exitCode === 127 ? 'Install kubectl on the runner (az aks install-cli).' : 'Fix what kubectl reports (is the Spark operator installed and its CRD present?).',
    );
  }

  async getJson(kind: string, name: string, namespace: string): Promise<unknown> {
    const result = requireSuccess(
      await $({ nothrow: true, quiet: true })`kubectl --kubeconfig ${this.kubeconfig} get ${kind} ${name} --namespace ${namespace} --output json`,
      `kubectl get ${kind} ${name}`,
      'Check the kubeconfig and that the namespace exists.',
    );
    return JSON.parse(result.stdout);
  }

  /** The end of a pod's log; what kubectl said instead when it has none. */
  async logTail(pod: string, namespace: string, lines: number): Promise<string> {
    const result = await $({ nothrow: true, quiet: true })`kubectl --kubeconfig ${this.kubeconfig} logs ${pod} --namespace ${namespace} --tail ${String(lines)}`;
    return result.exitCode === 0 ? result.stdout : result.stderr;
  }
}
