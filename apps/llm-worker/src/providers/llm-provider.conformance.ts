import type { LlmReplyRequest } from '@parley/contracts';
import { demoAgent, demoRequest } from '../testing/demo-agent';
import { LlmError, type LlmErrorKind, type LlmProvider, type ReplyEvent } from './llm-provider';

/** What the model behind a provider is made to do next. */
export type LlmScenario = 'answer' | 'goodbye' | 'long-answer' | LlmFailure;
export type LlmFailure = 'rejected-credentials' | 'rate-limited' | 'too-slow';

export interface LlmConformanceHarness {
  readonly provider: LlmProvider;
  /** Arranges the next reply; called before the request is made. */
  arrange(scenario: LlmScenario): void;
  /** Failures this provider can meet; the local agent, with no model and no network, meets none. */
  readonly failures: readonly LlmFailure[];
  /** A provider that runs a model reports the tokens it used. */
  readonly reportsUsage: boolean;
}

const EXPECTED_FAILURE: Record<LlmFailure, { kind: LlmErrorKind; retryable: boolean }> = {
  'rejected-credentials': { kind: 'config', retryable: false },
  'rate-limited': { kind: 'overloaded', retryable: true },
  'too-slow': { kind: 'timeout', retryable: true },
};

const LONG_ANSWER_AGENT = {
  ...demoAgent,
  knowledge: 'Warranty: every item has a two year warranty. Keep the receipt. Call us first. We repair it. Then we ship it back.',
};

async function collect(provider: LlmProvider, request: LlmReplyRequest, signal = new AbortController().signal) {
  const events: ReplyEvent[] = [];
  for await (const event of provider.reply(request, signal)) events.push(event);
  return events;
}

const textOf = (events: readonly ReplyEvent[]) => events.flatMap((event) => (event.type === 'text' ? [event.text] : [])).join('');

/**
 * The behaviour every LLM provider owes the worker, whatever runs behind it: one suite, run by
 * each adapter's spec with a harness that can make its model answer, say goodbye, or fail.
 */
export function describeLlmProviderConformance(name: string, setup: () => Promise<LlmConformanceHarness>, teardown?: () => Promise<void>) {
  describe(`${name}: LLM provider conformance`, () => {
    let harness: LlmConformanceHarness;
    beforeAll(async () => (harness = await setup()));
    afterAll(async () => teardown?.());

    it('opens the call with the agent greeting', async () => {
      expect(textOf(await collect(harness.provider, demoRequest(undefined)))).toBe(demoAgent.greeting);
    });

    it('streams an answer to a question as text deltas', async () => {
      harness.arrange('answer');
      const events = await collect(harness.provider, demoRequest('What are your business hours?'));
      expect(events.filter((event) => event.type === 'text').length).toBeGreaterThan(0);
      expect(textOf(events).trim().length).toBeGreaterThan(0);
      expect(events.some((event) => event.type === 'end-call')).toBe(false);
    });

    it('asks to end the call when the caller says goodbye', async () => {
      harness.arrange('goodbye');
      const events = await collect(harness.provider, demoRequest("no that's all, thanks. bye"));
      expect(events.some((event) => event.type === 'end-call')).toBe(true);
      expect(textOf(events).trim().length).toBeGreaterThan(0);
    });

    it('stops streaming, without an error, once the turn is aborted', async () => {
      harness.arrange('long-answer');
      const controller = new AbortController();
      const seen: ReplyEvent[] = [];
      const request = demoRequest('tell me about the warranty', { agent: LONG_ANSWER_AGENT });
      for await (const event of harness.provider.reply(request, controller.signal)) {
        seen.push(event);
        if (event.type === 'text') controller.abort();
      }
      expect(seen.filter((event) => event.type === 'text')).toHaveLength(1);
    });

    it('reports the tokens a model used, or none without a model', async () => {
      harness.arrange('answer');
      const usage = (await collect(harness.provider, demoRequest('What are your business hours?'))).filter(
        (event) => event.type === 'usage',
      );
      if (!harness.reportsUsage) return expect(usage).toEqual([]);
      expect(usage.length).toBeGreaterThan(0);
      for (const event of usage) expect(event).toMatchObject({ inputTokens: expect.any(Number), outputTokens: expect.any(Number) });
    });

    it.each(Object.keys(EXPECTED_FAILURE) as LlmFailure[])('maps a model that fails (%s) to LLM_TIMEOUT with the right retry flag', async (failure) => {
      if (!harness.failures.includes(failure)) return expect(harness.failures).not.toContain(failure);
      harness.arrange(failure);
      const error = await collect(harness.provider, demoRequest('What are your business hours?')).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(LlmError);
      expect(error).toMatchObject({ code: 'LLM_TIMEOUT', ...EXPECTED_FAILURE[failure] });
    });
  });
}
