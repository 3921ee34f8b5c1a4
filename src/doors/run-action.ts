import { ActionableError } from '../core/errors.js';
import type { ActionBody, Pipeline } from '../core/pipeline.js';
import { checkEnvironment } from './environment-check.js';
import { toolCacheError } from './filesystem-errors.js';
import { handleInterruptions } from './interruption.js';

/**
 * Runs an action body behind any door. An ActionableError becomes one clear line; anything else is a
 * bug in spark-azure and keeps its stack trace.
 */
export async function runAction(pipeline: Pipeline, body: ActionBody): Promise<void> {
  const stopHandling = handleInterruptions(pipeline.log);
  try {
    checkEnvironment(pipeline.writes);
    await body(pipeline);
    await pipeline.cleanUp();
    pipeline.succeed();
  } catch (error) {
    await pipeline.cleanUp();
    const actionable = error instanceof ActionableError ? error : toolCacheError(error, pipeline.directories.toolCache);
    if (actionable) {
      pipeline.fail(actionable.oneLine((input) => pipeline.inputLabel(input)));
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      pipeline.log.debug(detail);
      pipeline.fail(`spark-azure failed unexpectedly: ${error instanceof Error ? error.message : String(error)} (a bug: please report it with the debug log)`);
    }
  } finally {
    stopHandling();
  }
}
