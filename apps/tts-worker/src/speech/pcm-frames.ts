export interface PcmFrame {
  /** Exactly `frameSamples` samples; the last frame of the stream is padded with silence. */
  readonly samples: Int16Array;
  /** The final frame of the stream. */
  readonly last: boolean;
}

/**
 * Re-cuts a provider's chunks into fixed frames, so the gateway paces every frame alike, and holds one
 * frame back so the last can be marked. Chunks already a whole number of frames pass through as views
 * (providers never write a chunk again); only odd-sized tails are copied.
 */
export async function* pcmFrames(chunks: AsyncIterable<Int16Array>, frameSamples: number): AsyncGenerator<PcmFrame> {
  let held: Int16Array | null = null;
  let partial: Int16Array | null = null;
  let filled = 0;
  for await (const chunk of chunks) {
    for (let at = 0; at < chunk.length; ) {
      let frame: Int16Array | null = null;
      if (filled === 0 && chunk.length - at >= frameSamples) {
        frame = chunk.subarray(at, at + frameSamples);
        at += frameSamples;
      } else {
        partial ??= new Int16Array(frameSamples);
        const take = Math.min(frameSamples - filled, chunk.length - at);
        partial.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled < frameSamples) continue;
        frame = partial;
        partial = null;
        filled = 0;
      }
      if (held) yield { samples: held, last: false };
      held = frame;
    }
  }
  // The tail is zero-filled already: `partial` was allocated as silence.
  if (partial && filled > 0) {
    if (held) yield { samples: held, last: false };
    held = partial;
  }
  if (held) yield { samples: held, last: true };
}
