import type { Bus } from '@parley/bus';
import { BusError } from '@parley/bus';
import { rpcSubjects } from '@parley/contracts';
import { uniqueNamespace } from '@parley/testing';
import { localPhrases } from '../src/providers/local/local-phrases';
import { TurnRegistry } from '../src/reply/turn-registry';
import { DEMO_GREETING, demoAgent, demoRequest } from '../src/testing/demo-agent';
import { connectClient, type RunningWorker, startWorker } from './support/llm-worker-harness';
import { ReplyTap } from './support/reply-tap';

describe('llm-worker replies over the real NATS', () => {
  let worker: RunningWorker;
  let client: Bus;
  let tap: ReplyTap;

  beforeAll(async () => {
    const namespace = uniqueNamespace('llm_reply');
    worker = await startWorker(namespace);
    client = await connectClient(namespace);
    tap = new ReplyTap(client);
  });

  afterAll(async () => {
    await tap.close();
    await client.drain();
    await worker.app.close();
  });

  it('accepts a turn at once and streams the answer by sentence, the last chunk final', async () => {
    const knowledge = 'Warranty: every item has a two year warranty. Keep the receipt. Call us first, we repair it.';
    const request = demoRequest('tell me about the warranty', {
      callId: 'call_warranty',
      turnId: 'turn_7',
      agent: { ...demoAgent, knowledge },
    });
    await expect(client.request(rpcSubjects.llmReply, request, { timeoutMs: 2000 })).resolves.toEqual({
      turnId: 'turn_7',
      accepted: true,
    });
    await expect(tap.waitForFinal('call_warranty', 'turn_7')).resolves.toEqual([
      { turnId: 'turn_7', sentenceIndex: 0, text: 'Every item has a two year warranty.', final: false },
      { turnId: 'turn_7', sentenceIndex: 1, text: 'Keep the receipt.', final: false },
      { turnId: 'turn_7', sentenceIndex: 2, text: 'Call us first, we repair it.', final: true },
    ]);
  });

  it('runs a whole demo call: greeting, an answer, a fallback, and a goodbye that ends the call', async () => {
    const turns: [string | undefined, string][] = [
      [undefined, DEMO_GREETING],
      ['What are your business hours?', 'Monday to Friday, 9 am to 6 pm; Saturday 10 am to 2 pm; closed on Sunday.'],
      ['Do you repair bicycles?', localPhrases.fallback],
      ["No, that's all. Bye!", localPhrases.closing],
    ];
    for (const [i, [said, expected]] of turns.entries()) {
      const turnId = `turn_${i}`;
      await client.request(rpcSubjects.llmReply, demoRequest(said, { callId: 'call_demo', turnId }), { timeoutMs: 2000 });
      const chunks = await tap.waitForFinal('call_demo', turnId);
      expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(expected);
      expect(chunks.map((chunk) => chunk.sentenceIndex)).toEqual(chunks.map((_, index) => index));
      expect(chunks.at(-1)?.endCall).toBe(said === turns[3][0] ? true : undefined);
    }
  });

  it('refuses an agent whose LLM provider this worker does not run, with a final INVALID_REQUEST', async () => {
    const request = demoRequest('hi', { agent: { ...demoAgent, llm: { provider: 'openai', model: 'gpt-4o' } } });
    const error = await client.request(rpcSubjects.llmReply, request, { timeoutMs: 2000 }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(BusError);
    expect(error).toMatchObject({ code: 'INVALID_REQUEST', retryable: false });
  });

  it('holds no turn once the replies are done', () => {
    expect(worker.app.get(TurnRegistry).size).toBe(0);
  });

  it('is ready while NATS answers, and counts turns and first-sentence times in /metrics', async () => {
    const ready = await fetch(`${worker.base}/readyz`);
    expect(ready.status).toBe(200);
    await expect(ready.json()).resolves.toEqual({ status: 'ready', checks: { nats: 'ok' } });
    const metrics = await (await fetch(`${worker.base}/metrics`)).text();
    expect(metrics).toMatch(/^llm_reply_turns_total\{.*outcome="answered".*\} [1-9]/m);
    expect(metrics).toMatch(/^llm_reply_turns_total\{.*outcome="fallback".*\} 1$/m);
    expect(metrics).toMatch(/^llm_reply_turns_total\{.*outcome="goodbye".*\} [1-9]/m);
    expect(metrics).toMatch(/^llm_reply_first_sentence_seconds_count\{.*provider="local".*\} [1-9]/m);
    expect(metrics).toMatch(/^llm_reply_turns_in_flight\{.*\} 0$/m);
  });
});
