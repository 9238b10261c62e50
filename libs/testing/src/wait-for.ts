import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves when `predicate` holds, polling every 5 ms; rejects after `timeoutMs`, naming `what`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
