/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { samplesToBytes } from '@parley/audio';
import { type CallStartedEvent, eventSubjects } from '@parley/contracts';
import { speechFromText } from '@parley/testing';
import WebSocket from 'ws';
import { sleep, waitFor } from './call-support/call-harness';
import { startUpgradeHarness, type UpgradeHarness } from './support/upgrade-harness';
import { PHONE_VOICE, SpeakingWorkers } from './telephony-support/speaking-workers';

/** Vonage's side of a Voice API WebSocket: the JSON header message, then binary L16 both ways. */
async function vonageCall(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(url);
  const frames: Array<{ at: number; bytes: number }> = [];
  const texts: string[] = [];
  socket.on('message', (data, isBinary) => {
    if (isBinary) frames.push({ at: Date.now(), bytes: (data as Buffer).byteLength });
    else texts.push(String(data));
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ event: 'websocket:connected', 'content-type': 'audio/l16;rate=16000', ...headers }));
  return { socket, frames, texts };
}

describe('a Vonage Voice API WebSocket on /telephony/vonage/<key> (real gateway, fake workers)', () => {
  let h: UpgradeHarness;
  let workers: SpeakingWorkers;
  const started: CallStartedEvent[] = [];

  beforeAll(async () => {
    h = await startUpgradeHarness();
    workers = new SpeakingWorkers(h.bus);
    workers.start();
    h.bus.tapEvents([eventSubjects.callStarted], (event) => void started.push(event.payload));
  });

  afterAll(async () => {
    workers?.stop();
    await h?.stop();
  });

  it('speaks 640-byte L16 frames, takes the caller’s speech and a websocket:dtmf digit as turns', async () => {
    workers.behaviour.finalText = 'what time do you open';
    workers.behaviour.reply = () => ['We open at ten.'];
    const call = await vonageCall(`${h.baseUrl}/telephony/vonage/${h.boundKey().raw}`, { from: '447700900000', to: '447700900001', uuid: 'vonage-call-1' });
    await waitFor(() => call.frames.length > 10, 10_000, 'greeting audio');
    expect(started.find((event) => event.channel === 'vonage')).toMatchObject({ direction: 'inbound', from: '447700900000', to: '447700900001' });
    expect(new Set(call.frames.map((frame) => frame.bytes))).toEqual(new Set([640]));
    expect(call.texts).toEqual([]); // reference-003 frames are not Vonage's

    const speech = samplesToBytes(await speechFromText('What time do you open?', PHONE_VOICE));
    const silence = new Uint8Array(640);
    for (let at = 0; at < speech.length + 640 * 60; at += 640) {
      call.socket.send(at < speech.length ? speech.subarray(at, at + 640) : silence);
      await sleep(20);
    }
    await waitFor(() => workers.llmTurns.length === 1, 10_000, 'spoken turn');
    const callId = workers.llmTurns[0].callId;
    expect(workers.userTurns(callId)).toEqual(['what time do you open']);
    expect(workers.sttRequests.find((request) => request.callId === callId)?.sourceRate).toBe(16000);
    // Every frame of the speech reaches STT; the turn may start before the last ones (a reply is
    // prepared at the caller's first pause), so they are waited for rather than counted at once.
    const forwarded = () => workers.callerAudio.get(callId)?.length ?? 0;
    await waitFor(() => forwarded() > speech.length / 640, 5_000, "every speech frame forwarded to STT");

    call.socket.send(JSON.stringify({ event: 'websocket:dtmf', digit: '5', duration: 260 }));
    await waitFor(() => workers.userTurns(callId).length === 2, 10_000, 'DTMF turn');
    expect(workers.userTurns(callId)[1]).toBe('[DTMF 5]');
    // Pressed while the reply may still play: what was heard of it comes before the digit.
    expect(workers.llmTurns[1].messages.at(-1)).toEqual({ role: 'user', content: '[DTMF 5]' });
    call.socket.close(1000);
  }, 60_000);
});
