/**
 * Calls a message handler and reports a throw or a rejection instead of letting it
 * escape into the NATS client, where it would go unhandled.
 */
export function invokeHandler(run: () => void | Promise<void>, onError: (err: unknown) => void): void {
  try {
    const result = run();
    if (result instanceof Promise) result.catch(onError);
  } catch (err) {
    onError(err);
  }
}
