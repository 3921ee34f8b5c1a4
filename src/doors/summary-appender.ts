import { messageOf } from '../core/errors.js';
import type { Log } from '../core/log.js';

/**
 * The job summary is a report of work already done: a summary that cannot be written (a folder where the
 * file should be, a full disk) is a warning naming where it goes, never the failure of that work.
 */
export function summaryAppender(log: Log, where: string, write: (markdown: string) => Promise<void>): (markdown: string) => Promise<void> {
  return async (markdown) => {
    try {
      await write(markdown);
    } catch (error) {
      log.warning(`Could not write the job summary (${where}): ${messageOf(error)}. The step's work is unaffected; its outputs are set.`);
    }
  };
}
