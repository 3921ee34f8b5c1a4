/** A SparkApplication of the Kubeflow Spark operator (chart 2.x, sparkoperator.k8s.io/v1beta2). */
export interface SparkPiApplication {
  readonly name: string;
  /** One of the namespaces the operator's chart watches (spark.jobNamespaces). */
  readonly namespace: string;
  readonly image: string;
  readonly sparkVersion: string;
  /** The service account the chart creates in each job namespace for drivers. */
  readonly serviceAccount: string;
  readonly executors: number;
}

const NODE_SELECTOR = { 'spark-azure/workload': 'spark' };
// Spark's images run as uid 185; nothing the job does needs more.
const SECURITY_CONTEXT = {
  runAsUser: 185,
  runAsGroup: 185,
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

/** SparkPi from the image's own examples jar, on the Spark pool's nodes, never restarted. */
export function sparkPiApplication(application: SparkPiApplication): Record<string, unknown> {
  const labels = { 'app.kubernetes.io/managed-by': 'spark-azure' };
  return {
    apiVersion: 'sparkoperator.k8s.io/v1beta2',
    kind: 'SparkApplication',
    metadata: { name: application.name, namespace: application.namespace, labels },
    spec: {
      type: 'Scala',
      mode: 'cluster',
      image: application.image,
      imagePullPolicy: 'IfNotPresent',
      mainClass: 'org.apache.spark.examples.SparkPi',
      mainApplicationFile: 'local:///opt/spark/examples/jars/spark-examples.jar',
      arguments: ['100'],
      sparkVersion: application.sparkVersion,
      restartPolicy: { type: 'Never' },
      // The operator deletes the finished application after an hour: smoke tests leave nothing behind.
      timeToLiveSeconds: 3600,
      driver: { cores: 1, memory: '512m', serviceAccount: application.serviceAccount, labels, nodeSelector: NODE_SELECTOR, securityContext: SECURITY_CONTEXT },
      executor: { instances: application.executors, cores: 1, memory: '512m', labels, nodeSelector: NODE_SELECTOR, securityContext: SECURITY_CONTEXT },
    },
  };
}

export type SparkApplicationOutcome =
  | { readonly final: false; readonly state: string }
  | { readonly final: true; readonly passed: boolean; readonly state: string; readonly message?: string; readonly driverPod?: string };

/** Reads `.status.applicationState` of a SparkApplication as kubectl returns it. */
export function sparkApplicationOutcome(resource: unknown): SparkApplicationOutcome {
  const status = (resource as { status?: { applicationState?: { state?: string; errorMessage?: string }; driverInfo?: { podName?: string } } })?.status;
  const state = status?.applicationState?.state ?? 'NEW';
  if (state === 'COMPLETED') return { final: true, passed: true, state };
  if (state === 'FAILED' || state === 'SUBMISSION_FAILED') {
    return { final: true, passed: false, state, message: status?.applicationState?.errorMessage, driverPod: status?.driverInfo?.podName };
  }
  return { final: false, state };
}
