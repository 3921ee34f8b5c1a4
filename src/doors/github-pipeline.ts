import os from 'node:os';
import * as core from '@actions/core';
import { secretsInInputs } from '../core/inputs/secret-inputs.js';
import type { Pipeline, PipelineDirectories } from '../core/pipeline.js';
import { toolCacheDirectory } from './directories.js';
import { masker } from './masking.js';
import { runScratch } from './run-scratch.js';
import { summaryAppender } from './summary-appender.js';

/** The GitHub Actions door: inputs from INPUT_*, outputs to GITHUB_OUTPUT, summary to GITHUB_STEP_SUMMARY. */
export function githubPipeline(env: NodeJS.ProcessEnv = process.env): Pipeline {
  const directories = githubDirectories(env);
  const setSecret = masker((line) => core.setSecret(line));
  for (const secret of secretsInInputs((input) => core.getInput(input))) setSecret(secret);
  const log = { info: core.info, warning: core.warning, debug: core.debug };
  return {
    ...runScratch(directories.temp),
    inputs: { get: (name) => core.getInput(name) || undefined },
    log,
    directories,
    group: (title, body) => core.group(title, body),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret,
    appendSummary: summaryAppender(log, 'GITHUB_STEP_SUMMARY', async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    }),
    inputLabel: (input) => `'${input}'`,
    writes: [
      { label: 'RUNNER_TEMP', path: directories.temp, kind: 'directory', fix: 'The runner sets it to a writable directory: check the runner (or the job container) setup.' },
      ...runnerFile(env, 'GITHUB_OUTPUT'),
      ...runnerFile(env, 'GITHUB_STEP_SUMMARY'),
    ],
    fail: (message) => core.setFailed(message),
    succeed: () => {},
  };
}

/** A file the runner hands the step through an environment variable, when it does. */
function runnerFile(env: NodeJS.ProcessEnv, name: 'GITHUB_OUTPUT' | 'GITHUB_STEP_SUMMARY') {
  const file = env[name];
  return file ? [{ label: name, path: file, kind: 'file' as const, fix: `The runner creates it for each step: unset ${name} or point it at a writable file.` }] : [];
}

/** The job's workspace (the user's checkout), its temp directory and the runner's tool cache. */
export function githubDirectories(env: NodeJS.ProcessEnv): PipelineDirectories {
  return {
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    temp: env.RUNNER_TEMP || os.tmpdir(),
    toolCache: toolCacheDirectory(env.RUNNER_TOOL_CACHE, env),
  };
}
