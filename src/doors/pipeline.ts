import { ActionableError } from '../core/errors.js';
import type { InputSource } from '../core/inputs/input-reader.js';
import type { Log } from '../core/log.js';

/**
 * What an action needs from the platform it runs on. The GitHub, Azure DevOps and command-line doors
 * implement it; actions never touch a platform library directly.
 */
export interface Pipeline {
  readonly platform: 'github' | 'azure-devops' | 'cli';
  readonly inputs: InputSource;
  readonly log: Log;
  group<T>(title: string, body: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  /** Masks the value in every later log line. */
  setSecret(value: string): void;
  /** Appends Markdown to the run's summary page. */
  appendSummary(markdown: string): Promise<void>;
  /** Marks the run failed with one line; the process then exits non-zero. */
  fail(message: string): void;
  /** Marks the run succeeded where the platform wants it said (Azure DevOps); elsewhere a no-op. */
  succeed(): void;
}

export type ActionBody = (pipeline: Pipeline) => Promise<void>;

/**
 * Runs an action body behind any door. An ActionableError becomes one clear line; anything else is a
 * bug in spark-azure and keeps its stack trace.
 */
export async function runAction(pipeline: Pipeline, body: ActionBody): Promise<void> {
  try {
    await body(pipeline);
    pipeline.succeed();
  } catch (error) {
    if (error instanceof ActionableError) {
      pipeline.fail(error.oneLine());
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      pipeline.log.debug(detail);
      pipeline.fail(`spark-azure failed unexpectedly: ${error instanceof Error ? error.message : String(error)} (a bug: please report it with the debug log)`);
    }
  }
}
