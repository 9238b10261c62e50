/**
 * @jest-environment ./test/support/onnx-environment.js
 */
import { type CallStartedEvent, eventSubjects } from '@parley/contracts';
import { speechFromText, TwilioMediaStreamClient } from '@parley/testing';
import { waitFor } from './call-support/call-harness';
import { PocketsphinxTranscriber, TELEPHONE, wordRecall } from './telephony-support/pocketsphinx-transcriber';
import { PHONE_VOICE, SpeakingWorkers } from './telephony-support/speaking-workers';
import { startUpgradeHarness, type UpgradeHarness } from './support/upgrade-harness';

const QUESTION = 'What time do you open on Saturday?';
const ANSWER = 'We open at ten in the morning on Saturday.';
const LONG_ANSWER = [
  'You pressed one, so here is a long list of our services.',
  'We repair bicycles, we sell helmets, and we rent mountain bikes by the day.',
  'We also offer lessons for children every weekend in the park.',
];

describe('a Twilio Media Stream on /telephony/twilio/<key> (real gateway, flite speech, pocketsphinx)', () => {
  let h: UpgradeHarness;
  let workers: SpeakingWorkers;
  let asr: PocketsphinxTranscriber;
  const started: CallStartedEvent[] = [];
  const twilio = (key: string, parameters: Record<string, string> = {}) =>
    TwilioMediaStreamClient.connect(`${h.baseUrl}/telephony/twilio/${key}`, { parameters });

  beforeAll(async () => {
    [h, asr] = await Promise.all([startUpgradeHarness(), PocketsphinxTranscriber.start()]);
    workers = new SpeakingWorkers(h.bus);
    workers.start();
    h.bus.tapEvents([eventSubjects.callStarted], (event) => void started.push(event.payload));
  }, 90_000);

  afterAll(async () => {
    workers?.stop();
    await h?.stop();
    await asr?.stop();
  }, 30_000);

  it('hears mu-law speech as the caller’s turn and answers in mu-law that says the reply, marking each utterance', async () => {
    workers.behaviour.finalText = QUESTION;
    workers.behaviour.reply = () => [ANSWER];
    const question = await speechFromText(QUESTION, PHONE_VOICE);
    const call = await twilio(h.boundKey().raw, { from: '+15550100', to: '+15550199' });

    await waitFor(() => call.messagesOf('mark').length === 1, 15_000, 'greeting played and marked');
    expect(call.messagesOf('mark')[0].message).toEqual({ event: 'mark', streamSid: call.streamSid, mark: { name: 'utterance-1' } });
    expect(started.find((event) => event.channel === 'twilio')).toMatchObject({ direction: 'inbound', from: '+15550100', to: '+15550199' });

    const asked = call.now();
    await call.sendSilence(300);
    await call.sendSpeech(question);
    await call.sendSilence(1_000);
    await waitFor(() => call.messagesOf('mark').length === 2, 20_000, 'answer played and marked');

    const callId = workers.llmTurns[0].callId;
    expect(workers.userTurns(callId)).toEqual([QUESTION]);
    // STT is told the audio was 8 kHz, so pocketsphinx can adapt to the phone band.
    expect(workers.sttRequests.find((request) => request.callId === callId)).toMatchObject({ sampleRate: 16000, sourceRate: 8000 });
    const media = call.messagesOf('media');
    expect(media.every((m) => m.message.streamSid === call.streamSid)).toBe(true);

    // What the caller heard (8 kHz mu-law) says the reply.
    const heardAnswer = await asr.transcribeTelephone(call.agentAudioSince(asked));
    // What the gateway made of the caller's mu-law (16 kHz PCM to STT), read as the stt-worker reads it, says the question.
    const frames = workers.callerAudio.get(callId) ?? [];
    const forwarded = await asr.transcribe(Int16Array.from(frames.flatMap((frame) => Array.from(frame))), TELEPHONE);
    console.log(`twilio: heard answer "${heardAnswer}", forwarded question "${forwarded}" (${frames.length} frames)`);
    expect(wordRecall(ANSWER, heardAnswer)).toBeGreaterThanOrEqual(0.5);
    // Runs here heard 57–71% of its words (the recogniser's chunking varies with load); noise hears none.
    expect(wordRecall(QUESTION, forwarded)).toBeGreaterThanOrEqual(0.4);

    call.hangUp();
    await call.closed;
    expect(call.messagesOf('clear')).toEqual([]);
  }, 120_000);

  it('passes a keypad digit to the LLM as a turn and sends clear when the caller barges in', async () => {
    workers.behaviour.finalText = 'wait a moment please';
    workers.behaviour.reply = (turn) => (turn.messages.at(-1)?.content === '[DTMF 1]' ? LONG_ANSWER : ['Sure.']);
    const interruption = await speechFromText('Wait a moment please, I have a question.', PHONE_VOICE);
    const call = await twilio(h.boundKey().raw);
    await waitFor(() => call.messagesOf('mark').length === 1, 15_000, 'greeting played');

    const pressed = call.now();
    call.sendDtmf('1');
    await waitFor(() => workers.llmTurns.some((turn) => turn.messages.at(-1)?.content === '[DTMF 1]'), 10_000, 'DTMF turn');
    await waitFor(() => call.agentMedia.some((media) => media.at > pressed + 1_000), 15_000, 'a second of the long answer');

    const bargedIn = call.now();
    await call.sendSpeech(interruption);
    await waitFor(() => call.messagesOf('clear').length === 1, 10_000, 'clear after barge-in');
    const [clear] = call.messagesOf('clear');
    expect(clear.message).toEqual({ event: 'clear', streamSid: call.streamSid });
    expect(clear.at).toBeGreaterThan(bargedIn);
    // The long answer was cut: far less of it was sent than its sentences last.
    const longAnswer = await Promise.all(LONG_ANSWER.map((sentence) => speechFromText(sentence, PHONE_VOICE)));
    const fullSamples8k = longAnswer.reduce((sum, samples) => sum + samples.length, 0) / 2;
    const sentSamples8k = call.agentMedia.filter((m) => m.at > pressed && m.at <= clear.at).reduce((sum, m) => sum + m.samples.length, 0);
    expect(sentSamples8k).toBeLessThan(fullSamples8k * 0.8);

    call.hangUp();
    await call.closed;
  }, 120_000);
});
