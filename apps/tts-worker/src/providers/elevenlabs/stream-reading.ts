/** Calls `onExpiry` once when `reset` has not been called for `ms`; started at construction. */
export class Watchdog {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ms: number,
    private readonly onExpiry: () => void,
  ) {
    this.reset();
  }

  reset(): void {
    this.stop();
    this.timer = setTimeout(this.onExpiry, this.ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** The chunks of an HTTP response body; leaving early cancels the body, so the connection is released. */
export async function* bodyChunks(body: ReadableStream<Uint8Array>, onChunk: () => void): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    while (!done) {
      const read = await reader.read();
      done = read.done;
      if (read.value) {
        onChunk();
        yield read.value;
      }
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
  }
}
