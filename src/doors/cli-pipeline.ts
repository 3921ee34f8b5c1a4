import { appendFileSync } from 'node:fs';
import os from 'node:os';
import { secretsInInputs } from '../core/inputs/secret-inputs.js';
import type { InputSource, Pipeline, PipelineDirectories } from '../core/pipeline.js';
import { toolCacheDirectory } from './directories.js';
import { secretLines } from './masking.js';
import { runScratch } from './run-scratch.js';
import { summaryAppender } from './summary-appender.js';

/**
 * The command-line door: progress on stderr, outputs as `name=value` lines on stdout (the GITHUB_OUTPUT
 * format, easy to source or grep), the summary to a file when one is given.
 */
export function cliPipeline(inputs: InputSource, options: { summaryFile?: string; verbose?: boolean } = {}): Pipeline {
  const secrets: string[] = secretsInInputs((input) => inputs.get(input)).flatMap(secretLines);
  // Longest first, so a secret that contains another is masked whole.
  const mask = (text: string) => [...secrets].sort((a, b) => b.length - a.length).reduce((masked, secret) => masked.split(secret).join('***'), text);
  const directories = cliDirectories();
  const log = {
    info: (message: string) => console.error(mask(message)),
    warning: (message: string) => console.error(`warning: ${mask(message)}`),
    debug: (message: string) => void (options.verbose && console.error(`debug: ${mask(message)}`)),
  };
  return {
    ...runScratch(directories.temp),
    inputs,
    log,
    directories,
    group: async (title, body) => {
      console.error(`== ${title}`);
      return body();
    },
    setOutput: (name, value) => console.log(`${name}=${mask(value)}`),
    setSecret: (value) => {
      secrets.push(...secretLines(value));
    },
    appendSummary: summaryAppender(log, '--summary-file', async (markdown) => {
      if (options.summaryFile) appendFileSync(options.summaryFile, `${markdown}\n`);
    }),
    inputLabel: cliFlag,
    writes: [
      { label: 'the temp directory (TMPDIR)', path: directories.temp, kind: 'directory', fix: 'Set TMPDIR to a writable directory.' },
      ...(options.summaryFile ? [{ label: '--summary-file', path: options.summaryFile, kind: 'file' as const, fix: 'Give a file in an existing, writable folder.' }] : []),
    ],
    fail: (message) => {
      console.error(`error: ${mask(message)}`);
      process.exitCode = 1;
    },
    succeed: () => {},
  };
}

/** An input as its command-line option: `masterWebUiPort` is `--master-web-ui-port`. */
export function cliFlag(input: string): string {
  return `--${input.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

/** The current directory, the system's temp directory and the user's cache. */
export function cliDirectories(env: NodeJS.ProcessEnv = process.env): PipelineDirectories {
  return { workspace: process.cwd(), temp: os.tmpdir(), toolCache: toolCacheDirectory(undefined, env) };
}
