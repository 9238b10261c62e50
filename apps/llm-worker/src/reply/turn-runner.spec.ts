import type { LlmReplyRequest, ReplyTextChunk } from '@parley/contracts';
import type { LlmProvider, ReplyEvent } from '../providers/llm-provider';
import { LocalLlmProvider } from '../providers/local/local-provider';
import { demoRequest } from '../testing/demo-agent';
import { FAILURE_SENTENCE, runTurn } from './turn-runner';

/** Streams fixed events a turn of the event loop apart, ignoring the abort signal as a careless provider would. */
class ScriptedProvider implements LlmProvider {
  readonly name = 'scripted';
  /** Events handed out so far. */
  yielded = 0;

  constructor(
    private readonly events: ReplyEvent[],
    private readonly failure?: Error,
  ) {}

  async *reply(): AsyncIterable<ReplyEvent> {
    for (const event of this.events) {
      await new Promise((resolve) => setImmediate(resolve));
      this.yielded++;
      yield event;
    }
    if (this.failure) throw this.failure;
  }
}

const text = (t: string): ReplyEvent => ({ type: 'text', text: t });

/** Runs a turn; `onSend` sees each chunk as it is published and may abort the turn. */
async function run(
  provider: LlmProvider,
  request: LlmReplyRequest = demoRequest('hi'),
  onSend: (chunk: ReplyTextChunk, controller: AbortController) => void = () => undefined,
) {
  const chunks: ReplyTextChunk[] = [];
  const closeErrors: unknown[] = [];
  const controller = new AbortController();
  const report = await runTurn({
    provider,
    request,
    signal: controller.signal,
    acceptedAt: performance.now(),
    send: (chunk) => {
      chunks.push(chunk);
      onSend(chunk, controller);
    },
    onCloseError: (err) => closeErrors.push(err),
  });
  expect(closeErrors).toEqual([]);
  return { report, chunks };
}

describe('runTurn', () => {
  it('publishes the local agent’s answer as one final sentence', async () => {
    const { report, chunks } = await run(new LocalLlmProvider(), demoRequest('How long does shipping take?'));
    expect(chunks).toEqual([
      { turnId: 'turn_1', sentenceIndex: 0, text: 'Standard 3 to 5 business days, express 1 to 2.', final: true },
    ]);
    expect(report).toMatchObject({ outcome: 'answered', chunks: 1 });
    expect(report.firstChunkMs).toBeGreaterThanOrEqual(0);
  });

  it('marks the goodbye’s last sentence final and ending the call', async () => {
    const { report, chunks } = await run(new LocalLlmProvider(), demoRequest('bye'));
    expect(chunks).toEqual([
      { turnId: 'turn_1', sentenceIndex: 0, text: 'Thank you for calling.', final: false },
      { turnId: 'turn_1', sentenceIndex: 1, text: 'Goodbye!', final: true, endCall: true },
    ]);
    expect(report.outcome).toBe('goodbye');
  });

  it('counts the fallback phrase as a fallback', async () => {
    const { report } = await run(new LocalLlmProvider(), demoRequest('do you sell business insurance'));
    expect(report.outcome).toBe('fallback');
  });

  it('joins token deltas into sentences and publishes each as soon as it is complete', async () => {
    const provider = new ScriptedProvider(
      ['Sure', '! We', ' open at 9 a.m.', ' on week', 'days.', ' Anything', ' else?'].map(text),
    );
    const deltasBefore: number[] = [];
    const { chunks } = await run(provider, undefined, () => deltasBefore.push(provider.yielded));
    expect(chunks.map((c) => [c.sentenceIndex, c.text, c.final])).toEqual([
      [0, 'Sure!', false],
      [1, 'We open at 9 a.m. on weekdays.', false],
      [2, 'Anything else?', true],
    ]);
    // "Sure!" goes out with the delta that shows it ended, long before the reply is complete.
    expect(deltasBefore).toEqual([2, 6, 7]);
  });

  it('ends with an empty final chunk when the text ended on a complete sentence', async () => {
    const { chunks, report } = await run(new ScriptedProvider([text('Done. '), { type: 'end-call' }]));
    expect(chunks).toEqual([
      { turnId: 'turn_1', sentenceIndex: 0, text: 'Done.', final: false },
      { turnId: 'turn_1', sentenceIndex: 1, text: '', final: true, endCall: true },
    ]);
    expect(report.outcome).toBe('goodbye');
  });

  it('publishes nothing after an abort, not even a final chunk, whatever the provider still yields', async () => {
    const provider = new ScriptedProvider([text('One. '), text('Two. '), text('Three.')]);
    const { chunks, report } = await run(provider, undefined, (_chunk, controller) => controller.abort('interrupted'));
    expect(chunks).toEqual([{ turnId: 'turn_1', sentenceIndex: 0, text: 'One.', final: false }]);
    expect(report).toEqual({ outcome: 'cancelled', chunks: 1, firstChunkMs: expect.any(Number) });
  });

  it('ends a failed turn with an apology as its final chunk, and reports the error', async () => {
    const failure = new Error('model went away');
    const { chunks, report } = await run(new ScriptedProvider([text('Let me check. '), text('Our')], failure));
    expect(chunks.map((c) => [c.text, c.final])).toEqual([
      ['Let me check.', false],
      [FAILURE_SENTENCE, true],
    ]);
    expect(report).toMatchObject({ outcome: 'failed', chunks: 2, error: failure });
  });

  it('carries the turn’s tool effects on its final chunk: transfer, the keys in order, the end', async () => {
    const provider = new ScriptedProvider([
      text('One moment, I will connect you. '),
      { type: 'dtmf', digits: '12' },
      { type: 'transfer', to: '+14155550100' },
      { type: 'dtmf', digits: '#' },
    ]);
    const { report, chunks } = await run(provider);
    expect(chunks.at(-1)).toEqual({ turnId: 'turn_1', sentenceIndex: 1, text: '', final: true, transfer: { to: '+14155550100' }, dtmf: '12#' });
    expect(chunks[0]).toEqual({ turnId: 'turn_1', sentenceIndex: 0, text: 'One moment, I will connect you.', final: false });
    expect(report.outcome).toBe('answered');
  });
});
