import type { LlmReplyRequest } from '@parley/contracts';
import { DEMO_GREETING, demoAgent, demoRequest } from '../../testing/demo-agent';
import type { ReplyEvent } from '../llm-provider';
import { localPhrases } from './local-phrases';
import { LocalLlmProvider } from './local-provider';

async function collect(request: LlmReplyRequest, signal = new AbortController().signal): Promise<ReplyEvent[]> {
  const events: ReplyEvent[] = [];
  for await (const event of new LocalLlmProvider().reply(request, signal)) events.push(event);
  return events;
}

/** The reply's text as the deltas join up. */
async function replyText(said: string | undefined, overrides?: Partial<LlmReplyRequest>): Promise<string> {
  const events = await collect(demoRequest(said, overrides));
  return events.flatMap((event) => (event.type === 'text' ? [event.text] : [])).join('');
}

describe('LocalLlmProvider with the demo shop agent', () => {
  it.each([
    ['What are your business hours?', 'Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.'],
    ['how do i return something i bought', 'Unused items can be returned within 30 days with the receipt, for a full refund.'],
    ['How long does shipping take?', 'Standard 3 to 5 business days, express 1 to 2.'],
    ['How can I contact you?', 'Email support@parley.local, or call this number during business hours.'],
  ])('answers %j from the knowledge text', async (question, answer) => {
    await expect(replyText(question)).resolves.toBe(answer);
  });

  it('greets with the agent greeting when the caller has not spoken yet', async () => {
    await expect(replyText(undefined)).resolves.toBe(DEMO_GREETING);
    await expect(replyText(undefined, { agent: { ...demoAgent, greeting: undefined } })).resolves.toBe(
      localPhrases.greeting,
    );
  });

  it('says the default fallback phrase, marked unanswered, when nothing in the knowledge answers', async () => {
    const events = await collect(demoRequest('Do you sell business insurance?'));
    expect(events[0]).toEqual({ type: 'unanswered', reason: 'no-match' });
    expect(localPhrases.fallback).toBe(
      "I'm sorry, I don't have that information. Is there anything else I can help with?",
    );
    await expect(replyText('Do you sell business insurance?')).resolves.toBe(localPhrases.fallback);
  });

  it("says the agent's own fallback phrase when it has one, and falls back without any knowledge", async () => {
    const agent = { ...demoAgent, fallbackMessage: 'Let me put you through to a colleague.' };
    await expect(replyText('what is the weather', { agent })).resolves.toBe('Let me put you through to a colleague.');
    await expect(replyText('what are your hours', { agent: { ...demoAgent, knowledge: undefined } })).resolves.toBe(
      localPhrases.fallback,
    );
  });

  it('closes the call with a short goodbye when the caller is done', async () => {
    const events = await collect(demoRequest("no that's all, thanks. bye"));
    expect(events).toEqual([
      { type: 'text', text: 'Thank you for calling. ' },
      { type: 'text', text: 'Goodbye!' },
      { type: 'end-call' },
    ]);
  });

  it('asks the caller to repeat an empty or noise-only transcript', async () => {
    for (const said of ['', 'uh hmm']) {
      const events = await collect(demoRequest(said));
      expect(events[0]).toEqual({ type: 'unanswered', reason: 'unclear' });
      await expect(replyText(said)).resolves.toBe(localPhrases.unclear);
    }
  });

  it('acknowledges thanks and prompts the caller to go on', async () => {
    await expect(replyText('thank you')).resolves.toBe(localPhrases.welcome);
    await expect(replyText('okay')).resolves.toBe(localPhrases.listening);
  });

  it('answers the last thing the caller said, not an earlier question', async () => {
    const request = demoRequest('and how long does shipping take', {
      messages: [
        { role: 'user', content: 'what are your hours' },
        { role: 'assistant', content: 'Monday to Friday.' },
        { role: 'user', content: 'and how long does shipping take' },
      ],
    });
    const events = await collect(request);
    expect(events).toEqual([{ type: 'text', text: 'Standard 3 to 5 business days, express 1 to 2.' }]);
  });

  it('streams a long answer one sentence at a time and stops between sentences once aborted', async () => {
    const knowledge = 'Warranty: every item has a two year warranty. Keep the receipt. Call us first. We repair it.';
    const request = demoRequest('tell me about the warranty', { agent: { ...demoAgent, knowledge } });
    await expect(collect(request)).resolves.toHaveLength(4);

    const controller = new AbortController();
    const seen: ReplyEvent[] = [];
    for await (const event of new LocalLlmProvider().reply(request, controller.signal)) {
      seen.push(event);
      controller.abort();
    }
    expect(seen).toEqual([{ type: 'text', text: 'Every item has a two year warranty. ' }]);
  });
});
