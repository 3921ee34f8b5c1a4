import { type ActionName, actionBody } from '../actions/registry.js';
import { githubPipeline } from '../doors/github-pipeline.js';
import { runAction } from '../doors/pipeline.js';

// Replaced at build time (tsup `define`): one bundle per action under actions/<name>/dist/.
declare const SPARK_AZURE_ACTION: ActionName;

void runAction(githubPipeline(), actionBody(SPARK_AZURE_ACTION));
