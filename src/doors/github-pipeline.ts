import * as core from '@actions/core';
import type { Pipeline } from './pipeline.js';

/** The GitHub Actions door: inputs from INPUT_*, outputs to GITHUB_OUTPUT, summary to GITHUB_STEP_SUMMARY. */
export function githubPipeline(): Pipeline {
  return {
    platform: 'github',
    inputs: { get: (name) => core.getInput(name) || undefined },
    log: { info: core.info, warning: core.warning, debug: core.debug },
    group: (title, body) => core.group(title, body),
    setOutput: (name, value) => core.setOutput(name, value),
    setSecret: (value) => core.setSecret(value),
    appendSummary: async (markdown) => {
      if (!process.env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    fail: (message) => core.setFailed(message),
    succeed: () => {},
  };
}
