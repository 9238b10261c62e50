import { pcmFrames } from './pcm-frames';

async function* chunksOf(...chunks: number[][]): AsyncGenerator<Int16Array> {
  for (const chunk of chunks) yield Int16Array.from(chunk);
}

async function collect(chunks: AsyncIterable<Int16Array>, frameSamples: number) {
  const frames = [];
  for await (const frame of pcmFrames(chunks, frameSamples)) frames.push({ samples: [...frame.samples], last: frame.last });
  return frames;
}

describe('pcmFrames', () => {
  it('cuts chunks of any size into whole frames and marks only the last one', async () => {
    const frames = await collect(chunksOf([1, 2, 3], [4, 5], [6, 7, 8, 9]), 4);
    expect(frames).toEqual([
      { samples: [1, 2, 3, 4], last: false },
      { samples: [5, 6, 7, 8], last: false },
      { samples: [9, 0, 0, 0], last: true },
    ]);
  });

  it('marks the last frame when the audio ends on a frame boundary', async () => {
    const frames = await collect(chunksOf([1, 2], [3, 4]), 2);
    expect(frames.map((frame) => frame.last)).toEqual([false, true]);
  });

  it('passes whole frames through without copying them', async () => {
    const chunk = Int16Array.from([1, 2, 3, 4]);
    const seen: Int16Array[] = [];
    for await (const frame of pcmFrames((async function* () { yield chunk; })(), 2)) seen.push(frame.samples);
    expect(seen.every((frame) => frame.buffer === chunk.buffer)).toBe(true);
  });

  it('yields nothing for a stream without audio', async () => {
    expect(await collect(chunksOf([]), 4)).toEqual([]);
  });
});
