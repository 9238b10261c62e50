import type { BusSubscription } from '@parley/bus';
import { type CallTransferRequest, type ReplyTextChunk, rpcSubjects, voiceSubjects } from '@parley/contracts';
import { CANNOT_TRANSFER_PHRASE } from '../src/call/tool-effects';
import { silence, tone } from './call-support/call-client';
import { agentConfig, CallHarness, sleep, type TestCall, waitFor } from './call-support/call-harness';

/**
 * The gateway's side of the agent's tools (real NATS, fake workers): the LLM here is the spec,
 * which answers the caller's turn with a final chunk carrying `dtmf` or `transfer`, as the LLM
 * worker does when the model called send_dtmf or transfer_call.
 */
describe('tool effects in a call', () => {
  let harness: CallHarness;
  let dialer: BusSubscription | undefined;
  const transfers: CallTransferRequest[] = [];

  beforeAll(async () => {
    harness = await CallHarness.create('gw_tools');
  });

  afterEach(async () => {
    await dialer?.drain();
    dialer = undefined;
    harness.stopWorkers();
  });

  afterAll(() => harness.close());

  /** Opens a call whose fake LLM stays silent, speaks one turn and answers it with `chunk`. */
  async function answerTurn(chunk: Omit<ReplyTextChunk, 'turnId' | 'sentenceIndex' | 'final'>): Promise<TestCall> {
    const call = await harness.call(agentConfig(), { replySentences: [] });
    await waitFor(() => call.client.count('audio_end') === 1, 3_000, 'greeting');
    call.client.sendAudio(tone(600));
    call.client.sendAudio(silence(800));
    await waitFor(() => call.workers.record.llmRequests.length === 1, 5_000, 'the reply request');
    const { turnId } = call.workers.record.llmRequests[0];
    harness.bus.publish(voiceSubjects.replyText(call.callId), { turnId, sentenceIndex: 0, final: true, ...chunk });
    return call;
  }

  const assistantSaid = (call: TestCall) =>
    call.client.events.filter((e) => e.message.type === 'transcript' && e.message.role === 'assistant').map((e) => e.message.text);

  function serveTransfers(transferred: boolean): void {
    dialer = harness.bus.serve(rpcSubjects.dialerCallTransfer, (request) => {
      transfers.push(request);
      return transferred ? { transferred } : { transferred, reason: 'no provider carries this call' };
    });
  }

  it('send_dtmf: the keys play as tones after the words, in the same turn', async () => {
    const call = await answerTurn({ text: 'Pressing one.', dtmf: '1' });
    await waitFor(() => call.client.count('audio_end') === 2, 5_000, 'the reply played');
    // The history keeps a sentence only once some of its audio was played: the tones were.
    expect(assistantSaid(call).at(-1)).toBe('Pressing one. [DTMF 1]');
    call.client.close();
  });

  it('transfer_call: asks the dialer once the reply has been heard; the agent says so when it cannot', async () => {
    serveTransfers(false);
    const call = await answerTurn({ text: 'Connecting you to billing.', transfer: { to: '+14155550100' }, endCall: true });
    await waitFor(() => transfers.length === 1, 5_000, 'the transfer request');
    expect(call.client.count('audio_end')).toBe(2);
    expect(transfers[0]).toEqual({ callId: call.callId, orgId: 'org-1', to: '+14155550100' });
    await waitFor(() => call.workers.record.ttsRequests.some((r) => r.text === CANNOT_TRANSFER_PHRASE), 5_000, 'the apology');
    await waitFor(() => call.client.count('audio_end') === 3, 5_000, 'the apology played');
    // The transfer replaced the hang-up the reply also asked for: the call goes on.
    expect(call.client.count('call_end')).toBe(0);
    call.client.close();
  });

  it('transfer_call: a transfer the dialer made is not followed by an apology', async () => {
    serveTransfers(true);
    const before = transfers.length;
    const call = await answerTurn({ text: 'Connecting you now.', transfer: { to: '+442071234567' } });
    await waitFor(() => transfers.length === before + 1, 5_000, 'the transfer request');
    await sleep(300);
    expect(call.workers.record.ttsRequests.map((r) => r.text)).not.toContain(CANNOT_TRANSFER_PHRASE);
    call.client.close();
  });
});
