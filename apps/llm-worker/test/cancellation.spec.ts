import type { Bus } from '@parley/bus';
import { type ControlMessage, rpcSubjects, voiceSubjects } from '@parley/contracts';
import { uniqueNamespace } from '@parley/testing';
import { LocalLlmProvider } from '../src/providers/local/local-provider';
import { TurnRegistry } from '../src/reply/turn-registry';
import { demoAgent, demoRequest } from '../src/testing/demo-agent';
import { GatedProvider } from './support/gated-provider';
import { connectClient, type RunningWorker, startWorker } from './support/llm-worker-harness';
import { ReplyTap } from './support/reply-tap';

/** Five sentences, so a turn is still speaking when it is interrupted. */
const LONG_ANSWER =
  'Warranty: every item has a two year warranty. Keep the receipt. Call us before you send anything. ' +
  'We repair it or replace it. Shipping back to you is free.';

function longRequest(callId: string, turnId: string) {
  return demoRequest('tell me about the warranty', { callId, turnId, agent: { ...demoAgent, knowledge: LONG_ANSWER } });
}

describe('llm-worker stops a turn when the call interrupts or ends it', () => {
  let gated: GatedProvider;
  let worker: RunningWorker;
  let client: Bus;
  let tap: ReplyTap;

  beforeEach(async () => {
    const namespace = uniqueNamespace('llm_cancel');
    gated = new GatedProvider(new LocalLlmProvider());
    worker = await startWorker(namespace, { providers: [gated] });
    client = await connectClient(namespace);
    tap = new ReplyTap(client);
  });

  afterEach(async () => {
    gated.release();
    await tap.close();
    await client.drain();
    await worker.app.close();
  });

  async function startTurn(callId: string, turnId: string) {
    await client.request(rpcSubjects.llmReply, longRequest(callId, turnId), { timeoutMs: 2000 });
    return tap.waitForChunks(callId, turnId, 1);
  }

  const control = (callId: string, message: ControlMessage) => client.publish(voiceSubjects.control(callId), message);

  /** Resolves once the worker has handled everything this client sent before: it answers in order. */
  let syncs = 0;
  async function workerCaughtUp() {
    const request = demoRequest('bye', { callId: 'call_sync', turnId: `sync_${syncs++}` });
    await client.request(rpcSubjects.llmReply, request, { timeoutMs: 2000 });
  }

  /** Lets the stopped turns' streams run on until they close, then round-trips a reply on the same call. */
  async function settleAndProbe(callId: string, ...stoppedTurns: string[]) {
    gated.release();
    await Promise.all(stoppedTurns.map((turnId) => gated.streamClosed(callId, turnId)));
    await client.request(rpcSubjects.llmReply, demoRequest('bye', { callId, turnId: 'probe' }), { timeoutMs: 2000 });
    // Chunks arrive in publish order on one connection: a stray chunk would be here before these.
    return tap.waitForFinal(callId, 'probe');
  }

  it('publishes nothing more for an interrupted turn, not even a final chunk', async () => {
    await expect(startTurn('call_a', 'turn_1')).resolves.toEqual([
      { turnId: 'turn_1', sentenceIndex: 0, text: 'Every item has a two year warranty.', final: false },
    ]);
    control('call_a', { type: 'interrupt', turnId: 'turn_1', playedText: 'Every item' });
    await expect(gated.abortSeen('call_a', 'turn_1')).resolves.toBe('interrupted');
    await settleAndProbe('call_a', 'turn_1');
    expect(tap.chunks('call_a', 'turn_1')).toHaveLength(1);
    expect(worker.app.get(TurnRegistry).size).toBe(0);
  });

  it('stops every turn of a call that ends, and only that call', async () => {
    await startTurn('call_a', 'turn_1');
    await startTurn('call_b', 'turn_1');
    control('call_a', { type: 'end', reason: 'HANGUP' });
    await expect(gated.abortSeen('call_a', 'turn_1')).resolves.toBe('call-ended');
    await settleAndProbe('call_a', 'turn_1');
    expect(tap.chunks('call_a', 'turn_1')).toHaveLength(1);
    const other = await tap.waitForFinal('call_b', 'turn_1');
    expect(other.map((chunk) => chunk.sentenceIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(worker.app.get(TurnRegistry).size).toBe(0);
  });

  it('keeps speaking through a flush, which only ends the caller’s utterance', async () => {
    await startTurn('call_a', 'turn_1');
    control('call_a', { type: 'flush', turnId: 'turn_1' });
    control('call_a', { type: 'flush' });
    await workerCaughtUp();
    await settleAndProbe('call_a');
    const chunks = await tap.waitForFinal('call_a', 'turn_1');
    expect(chunks.map((chunk) => chunk.sentenceIndex)).toEqual([0, 1, 2, 3, 4]);
  });

  it('ignores an interrupt of another turn', async () => {
    await startTurn('call_a', 'turn_2');
    control('call_a', { type: 'interrupt', turnId: 'turn_1' });
    control('call_b', { type: 'interrupt', turnId: 'turn_2' });
    await workerCaughtUp();
    await settleAndProbe('call_a');
    const chunks = await tap.waitForFinal('call_a', 'turn_2');
    expect(chunks.map((chunk) => [chunk.sentenceIndex, chunk.final])).toEqual([
      [0, false],
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
  });

  it('generates a retried turn once while the first request is still in flight', async () => {
    await startTurn('call_a', 'turn_1');
    await client.request(rpcSubjects.llmReply, longRequest('call_a', 'turn_1'), { timeoutMs: 2000 });
    await settleAndProbe('call_a');
    const chunks = await tap.waitForFinal('call_a', 'turn_1');
    expect(chunks.map((chunk) => chunk.sentenceIndex)).toEqual([0, 1, 2, 3, 4]);
  });
});
