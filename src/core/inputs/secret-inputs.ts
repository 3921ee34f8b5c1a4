/** The inputs that hold secrets: every door masks them before anything could print them. */
export const SECRET_INPUTS: readonly string[] = ['sshPrivateKey', 'gatewayPassword', 'kubeconfig', 'clusterSecret'];
