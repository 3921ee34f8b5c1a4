import { describe, expect, it } from 'vitest';
import { CancelledError, cancellation } from '../../src/core/cancellation.js';
import { sleep, waitUntil } from '../../src/core/wait.js';

// One process, one run: once cancelled, this module stays cancelled (vitest gives each test file its own).
describe('cancelling a run', () => {
  it('a time limit cancels the run: waits end with an error naming the limit; cleanup still waits', async () => {
    const waiting = waitUntil(
      async () => false,
      (value) => value,
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    await expect(cancellation.within(100, 'the test', () => sleep(30_000))).rejects.toThrow(new CancelledError('the time limit of the test (0 s)'));
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    expect(cancellation.cancelled).toBe(true);
    await expect(sleep(10)).rejects.toBeInstanceOf(CancelledError);
    await expect(
      cancellation.cleanUp(async () => {
        await sleep(20);
        await waitUntil(
          async () => 1,
          (value) => value === 1,
          { timeoutMs: 1000, intervalMs: 10 },
        );
        return 'restored';
      }),
    ).resolves.toBe('restored');
  });
});
