import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tl from 'azure-pipelines-task-lib/task';
import type { Pipeline, PipelineDirectories } from '../core/pipeline.js';
import { toolCacheDirectory } from './directories.js';
import { masker } from './masking.js';
import { runScratch } from './run-scratch.js';
import { summaryAppender } from './summary-appender.js';
import { AGENT_TEMP_FIX } from './azure-devops-preflight.js';

/**
 * The Azure DevOps door. task-lib moves INPUT_* out of the environment when it loads, so inputs are read
 * through it only. Outputs become output variables (`##vso[task.setvariable ...;isOutput=true]`), and the
 * summary an attachment shown on the run's Extensions tab.
 */
export function azureDevOpsPipeline(taskName: string): Pipeline {
  let summaryIndex = 0;
  const directories = azureDevOpsDirectories();
  const log = { info: (message: string) => console.log(message), warning: (message: string) => tl.warning(message), debug: (message: string) => tl.debug(message) };
  return {
    ...runScratch(directories.temp),
    inputs: { get: (name) => tl.getInput(name, false) || undefined },
    log,
    directories,
    group: async (title, body) => {
      console.log(`##[group]${title}`);
      try {
        return await body();
      } finally {
        console.log('##[endgroup]');
      }
    },
    setOutput: (name, value) => tl.setVariable(name, value, false, true),
    // task-lib refuses a multi-line secret (a private key): register each line.
    setSecret: masker((line) => tl.setSecret(line)),
    writes: [{ label: 'Agent.TempDirectory', path: directories.temp, kind: 'directory', fix: AGENT_TEMP_FIX }],
    appendSummary: summaryAppender(log, 'the task summary in Agent.TempDirectory', async (markdown) => {
      const file = path.join(directories.temp, `spark-azure-${taskName}-${process.pid}-${summaryIndex++}.md`);
      writeFileSync(file, markdown);
      tl.uploadSummary(file);
    }),
    inputLabel: (input) => `'${input}'`,
    fail: (message) => {
      tl.setResult(tl.TaskResult.Failed, message, true);
      // The agent reads task.complete; the exit code serves every other caller.
      process.exitCode = 1;
    },
    succeed: () => tl.setResult(tl.TaskResult.Succeeded, '', true),
  };
}

/** The sources directory (the user's checkout), the agent's temp directory and its tools directory. */
function azureDevOpsDirectories(): PipelineDirectories {
  return {
    workspace: tl.getVariable('Build.SourcesDirectory') || tl.getVariable('System.DefaultWorkingDirectory') || process.cwd(),
    temp: tl.getVariable('Agent.TempDirectory') || os.tmpdir(),
    toolCache: toolCacheDirectory(tl.getVariable('Agent.ToolsDirectory')),
  };
}
