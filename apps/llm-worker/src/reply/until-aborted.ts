/**
 * Iterates `source` until `signal` aborts, then ends at once, even while the source is still
 * awaiting its next item (a model stalled on the network), and asks the source to close. The
 * source closes in the background; `onCloseError` hears if that fails.
 */
export async function* untilAborted<T>(
  source: AsyncIterable<T>,
  signal: AbortSignal,
  onCloseError: (err: unknown) => void,
): AsyncGenerator<T> {
  if (signal.aborted) return;
  const iterator = source[Symbol.asyncIterator]();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<IteratorReturnResult<undefined>>((resolve) => {
    onAbort = () => resolve({ done: true, value: undefined });
    signal.addEventListener('abort', onAbort, { once: true });
  });
  let exhausted = false;
  try {
    while (!signal.aborted) {
      const result = await Promise.race([iterator.next(), aborted]);
      if (result.done) {
        exhausted = !signal.aborted;
        return;
      }
      yield result.value;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Not awaited: a source stuck in an await closes only when it wakes, and must not hold us.
    if (!exhausted) iterator.return?.()?.catch(onCloseError);
  }
}
