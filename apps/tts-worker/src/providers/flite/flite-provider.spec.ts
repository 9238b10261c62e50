import { TtsError } from '../tts-provider';
import { FliteProvider } from './flite-provider';

const SHORT = 'What are your business hours?';
const PARAGRAPH = [
  'Thank you for calling the support line of our company.',
  'Your order left the warehouse on Monday and is now with the courier.',
  'It should arrive at your address by Friday afternoon at the latest.',
  'If it does not, please call us again and quote your order number.',
  'You can also track the parcel on our website at any time.',
  'Is there anything else I can help you with today?',
].join(' ');

async function collect(stream: AsyncIterable<Int16Array>): Promise<Int16Array[]> {
  const chunks: Int16Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const totalSamples = (chunks: Int16Array[]) => chunks.reduce((sum, chunk) => sum + chunk.length, 0);

function rms(chunks: Int16Array[]): number {
  let energy = 0;
  for (const chunk of chunks) for (const sample of chunk) energy += sample * sample;
  return Math.sqrt(energy / totalSamples(chunks));
}

describe('FliteProvider', () => {
  const provider = new FliteProvider();

  beforeAll(() => provider.load());
  afterAll(() => provider.close());

  it('speaks a sentence as 20 ms chunks of 16 kHz PCM lasting as long as speech takes', async () => {
    const chunks = await collect(provider.synthesize(SHORT));
    const seconds = totalSamples(chunks) / provider.sampleRate;

    expect(provider.sampleRate).toBe(16_000);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === 320)).toBe(true);
    // Five words: a fast talker needs 0.2 s a word, a slow one 0.6 s, plus the pause flite ends on.
    expect(seconds).toBeGreaterThan(5 * 0.2);
    expect(seconds).toBeLessThan(5 * 0.6 + 0.5);
    expect(rms(chunks)).toBeGreaterThan(300);
  });

  it('starts the reply with speech rather than the silence flite puts in front', async () => {
    const chunks = await collect(provider.synthesize(SHORT));
    const opening = chunks.slice(0, 3).flatMap((chunk) => Array.from(chunk));
    expect(Math.max(...opening.map(Math.abs))).toBeGreaterThan(256);
  });

  it('honours the chunk size asked for', async () => {
    const chunks = await collect(provider.synthesize('Hello.', { chunkMs: 40 }));
    expect(chunks[0]).toHaveLength(640);
  });

  it('delivers the first chunk of a paragraph long before the whole paragraph is rendered', async () => {
    const started = performance.now();
    let first = 0;
    for await (const _chunk of provider.synthesize(PARAGRAPH)) first ||= performance.now() - started;
    const total = performance.now() - started;
    expect(first).toBeLessThan(total / 2);
  });

  it('stops between chunks as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const received: Int16Array[] = [];
    for await (const chunk of provider.synthesize(PARAGRAPH, { signal: controller.signal })) {
      received.push(chunk);
      if (received.length === 5) controller.abort();
    }
    expect(received).toHaveLength(5);
  });

  it('stops while a piece is still rendering without waiting for it', async () => {
    const piece = 'Your order left the warehouse on Monday morning and is now with the courier for delivery';
    const renderStarted = performance.now();
    await collect(provider.synthesize(piece));
    const renderMs = performance.now() - renderStarted;

    const controller = new AbortController();
    const iterator = provider.synthesize(piece, { signal: controller.signal })[Symbol.asyncIterator]();
    const started = performance.now();
    setTimeout(() => controller.abort(), 1);
    const outcome = await iterator.next();

    expect(outcome.done).toBe(true);
    expect(performance.now() - started).toBeLessThan(renderMs / 2);
  });

  it('keeps concurrent syntheses intact by rendering one piece at a time', async () => {
    const texts = [SHORT, 'I want to return my order.', 'Please hold while I transfer you.', PARAGRAPH];
    const alone: number[] = [];
    for (const text of texts) alone.push(totalSamples(await collect(provider.synthesize(text))));
    const together = await Promise.all(texts.map(async (text) => totalSamples(await collect(provider.synthesize(text)))));
    // flite's durations are deterministic; only the trimmed lead-in varies with its noise floor.
    together.forEach((samples, i) => expect(Math.abs(samples - alone[i])).toBeLessThan(20 * 16));
  });

  it('speaks with every installed voice', async () => {
    expect(provider.voices).toContain('slt');
    for (const voice of provider.voices) {
      const chunks = await collect(provider.synthesize('Goodbye.', { voice }));
      expect(totalSamples(chunks)).toBeGreaterThan(provider.sampleRate / 4);
    }
  });

  it('yields nothing for text with nothing to say', async () => {
    expect(await collect(provider.synthesize(' \n ... '))).toEqual([]);
  });

  it('rejects an unknown voice as a final bad-input error', async () => {
    const outcome = collect(provider.synthesize(SHORT, { voice: 'nobody' }));
    await expect(outcome).rejects.toBeInstanceOf(TtsError);
    await expect(outcome).rejects.toMatchObject({ kind: 'bad-input', retryable: false });
  });

  it('refuses to speak before load', async () => {
    await expect(collect(new FliteProvider().synthesize(SHORT))).rejects.toMatchObject({ kind: 'config' });
  });
});
