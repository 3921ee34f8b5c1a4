import os from 'node:os';
import * as core from '@actions/core';
import type { Pipeline, PipelineDirectories } from '../core/pipeline.js';
import { toolCacheDirectory } from './directories.js';

/** The GitHub Actions door: inputs from INPUT_*, outputs to GITHUB_OUTPUT, summary to GITHUB_STEP_SUMMARY. */
export function githubPipeline(env: NodeJS.ProcessEnv = process.env): Pipeline {
  return {
    platform: 'github',
    inputs: { get: (name) => core.getInput(name) || undefined },
    log: { info: core.info, warning: core.warning, debug: core.debug },
    directories: githubDirectories(env),
    group: (title, body) => core.group(title, body),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    fail: (message) => core.setFailed(message),
    succeed: () => {},
  };
}

/** The job's workspace (the user's checkout), its temp directory and the runner's tool cache. */
export function githubDirectories(env: NodeJS.ProcessEnv): PipelineDirectories {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    temp: env.RUNNER_TEMP || os.tmpdir(),
    toolCache: toolCacheDirectory(env.RUNNER_TOOL_CACHE, env),
  };
}
