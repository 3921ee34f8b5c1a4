import { type ActionName, actionBody } from '../actions/registry.js';
import { azureDevOpsPipeline } from '../doors/azure-devops-pipeline.js';
import { runAction } from '../doors/pipeline.js';

// Replaced at build time (tsup `define`): one bundle per task under pipelines/tasks/<name>/dist/.
declare const SPARK_AZURE_ACTION: ActionName;

void runAction(azureDevOpsPipeline(SPARK_AZURE_ACTION), actionBody(SPARK_AZURE_ACTION));
