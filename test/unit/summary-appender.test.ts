import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryAppender } from '../../src/doors/summary-appender.js';

describe('the job summary', () => {
  it('that cannot be written is a warning naming where it goes, never a failure of the work done', async () => {
    const warnings: string[] = [];
    const log = { info: () => {}, warning: (line: string) => void warnings.push(line), debug: () => {} };
    const folder = mkdtempSync(path.join(os.tmpdir(), 'summary-'));
    const { appendFileSync } = await import('node:fs');
    const append = summaryAppender(log, '--summary-file', async (markdown) => appendFileSync(folder, markdown));
    await expect(append('### Done')).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/^Could not write the job summary \(--summary-file\): EISDIR: .*The step's work is unaffected; its outputs are set\.$/)]);
  });
});
