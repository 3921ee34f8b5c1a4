// The provision task as the agent runs it: scripts/stage-extension.mjs puts the shared bundle beside this file.
require('./spark-azure.cjs').runAzureDevOpsTask('provision');
