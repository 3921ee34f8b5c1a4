import { $ } from 'zx/core';
import { requireSuccess } from './tool-result.js';

/**
 * kubectl against one cluster, through a kubeconfig file (0600, in the run's scratch directory). Flag values
 * go in the flag's word (--namespace=x) and names after '--' where kubectl takes them, so no value is ever
 * read as a flag of its own.
 */
export class Kubectl {
  constructor(private readonly kubeconfig: string) {}

  async apply(manifestFile: string): Promise<void> {
    const result = await $({ nothrow: true, quiet: true })`kubectl ${`--kubeconfig=${this.kubeconfig}`} apply ${`--filename=${manifestFile}`}`;
    requireSuccess(
      result,
      'kubectl apply',
      result.exitCode === 127 ? 'Install kubectl on the runner (az aks install-cli).' : 'Fix what kubectl reports (is the Spark operator installed and its CRD present?).',
    );
  }

  async getJson(kind: string, name: string, namespace: string): Promise<unknown> {
    const result = requireSuccess(
      await $({ nothrow: true, quiet: true })`kubectl ${`--kubeconfig=${this.kubeconfig}`} get ${`--namespace=${namespace}`} --output=json -- ${kind} ${name}`,
      `kubectl get ${kind} ${name}`,
      'Check the kubeconfig and that the namespace exists.',
    );
    return JSON.parse(result.stdout);
  }

  /** The end of a pod's log; what kubectl said instead when it has none. */
  async logTail(pod: string, namespace: string, lines: number): Promise<string> {
    const result = await $({ nothrow: true, quiet: true })`kubectl ${`--kubeconfig=${this.kubeconfig}`} logs ${`--namespace=${namespace}`} ${`--tail=${lines}`} -- ${pod}`;
    return result.exitCode === 0 ? result.stdout : result.stderr;
  }
}
