import { callEndReasonSchema } from '@parley/contracts';
import { speechFromText, VoiceCallClient } from '@parley/testing';
import { BusTranscriber } from './support/bus-transcriber';
import { agentAudioSince, agentReplySince, heardGreeting, typesSince } from './support/call-steps';
import { PhoneLine } from './support/phone-line';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';
import { wordErrorRate } from './support/word-error-rate';

const QUESTION = 'What are your business hours?';

describe('a phone conversation with the demo agent', () => {
  let platform: Platform;
  let transcriber: BusTranscriber;

  beforeAll(async () => {
    platform = await startPlatform('conversation');
    transcriber = await BusTranscriber.connect(platform.natsUrl, platform.namespace);
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await transcriber?.close();
    await platform?.stop();
  }, PLATFORM_STOP_TIMEOUT_MS);

  it('greets, hears the question, answers it aloud in protocol order, and ends on end_call', async () => {
    const call = await VoiceCallClient.connect(platform.voiceUrl(platform.demo.voiceKey.raw));
    const line = new PhoneLine(call);

    const greeting = await heardGreeting(call);
    expect(typesSince(call, 0)).toEqual(['audio_start', 'audio_end', 'transcript']);
    expect(greeting.message.text).toMatch(/thanks for calling/i);
    expect(call.agentAudio.segments[0].frames).toBeGreaterThan(0);

    const asked = call.now();
    await line.say(await speechFromText(QUESTION));
    const answer = await agentReplySince(call, asked);

    // Interims while the caller speaks, then one turn in the protocol's order.
    const types = typesSince(call, asked);
    const interims = types.filter((type) => type === 'interim').length;
    expect(interims).toBeGreaterThan(0);
    expect(types.slice(0, interims).every((type) => type === 'interim')).toBe(true);
    expect(types.slice(interims)).toEqual(['transcript', 'turn_start', 'audio_start', 'audio_end', 'transcript']);
    const [heardQuestion] = call.messagesOf('transcript').filter((m) => m.at >= asked && m.message.role === 'user');
    expect(wordErrorRate(QUESTION, heardQuestion.message.text)).toBeLessThan(0.3);
    expect(answer.message.text).toMatch(/monday to friday/i);

    // What the caller actually heard says what the transcript says.
    const reply = agentAudioSince(call, asked);
    expect(reply.frames).toBeGreaterThan(0);
    const heardReply = await transcriber.transcribe(call.agentAudio.samplesOf(reply));
    // pocketsphinx mishears flite's "am"/"pm" and numbers ("9 am" as "nine and"): about 35% here.
    expect(wordErrorRate(answer.message.text, heardReply)).toBeLessThan(0.4);

    call.endCall();
    const closed = await call.closed;
    line.mute();
    expect(closed.code).toBe(1000);
    expect(call.messagesOf('call_end').map((m) => m.message.reason)).toEqual([callEndReasonSchema.enum.CLIENT_ENDED]);
    expect(call.protocolErrors).toEqual([]);
    console.log(`conversation: voice-to-voice ${call.turnLatencies.map((t) => Math.round(t.voiceToVoiceMs)).join(', ')} ms`);
  });
});
