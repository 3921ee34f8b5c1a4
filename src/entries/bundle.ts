import type { ActionName } from './action-registry.js';

/**
 * The shared bundle (dist/spark-azure.cjs): every action behind every door. Each action's entry is two
 * lines that call one of these. Doors load lazily: azure-pipelines-task-lib moves INPUT_* out of the
 * environment as it loads, so it must never load in a GitHub run.
 */
export async function runGithubAction(name: ActionName): Promise<void> {
  const [{ githubPipeline }, { runAction }, { actionBody }] = await Promise.all([
    import('../doors/github-pipeline.js'),
    import('../doors/run-action.js'),
    import('./action-registry.js'),
  ]);
  await runAction(githubPipeline(), actionBody(name));
}

export async function runAzureDevOpsTask(name: ActionName): Promise<void> {
  const preflight = await import('../doors/azure-devops-preflight.js');
  preflight.registerSecretInputs();
  if (!preflight.agentTempIsWritable()) return;
  const [{ azureDevOpsPipeline }, { withServiceConnection }, { runAction }, { actionBody }] = await Promise.all([
    import('../doors/azure-devops-pipeline.js'),
    import('../doors/azure-devops-service-connection.js'),
    import('../doors/run-action.js'),
    import('./action-registry.js'),
  ]);
  const pipeline = azureDevOpsPipeline(name);
  await runAction(pipeline, withServiceConnection(pipeline, actionBody(name)));
}

export async function runCli(argv: readonly string[]): Promise<void> {
  const { runCommandLine } = await import('./cli.js');
  await runCommandLine(argv);
}
