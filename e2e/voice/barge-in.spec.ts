import { FRAME_MS, FRAME_SAMPLES, dbfs } from '@parley/audio';
import { speechFromText, VoiceCallClient } from '@parley/testing';
import { agentAudioSince, agentReplySince, heardGreeting, REPLY_TIMEOUT_MS, typesSince } from './support/call-steps';
import { watchLastFrame } from './support/frame-watch';
import { PhoneLine } from './support/phone-line';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';

/** The demo agent's longest answer (shipping, about eight seconds of speech). */
const LONG_QUESTION = 'How long does shipping take?';
const INTERRUPTION = 'What are your business hours?';
/** Agent audio the caller hears before talking over it. */
const HEARD_BEFORE_BARGE_IN_MS = 1_000;
/**
 * From the first sound of the caller's speech to the agent's last frame: the gateway waits for
 * 300 ms of speech (so a cough does not interrupt), then must stop within about 300 ms.
 */
const STOP_BOUND_MS = 600;

function firstVoicedMs(samples: Int16Array): number {
  for (let start = 0; start < samples.length; start += FRAME_SAMPLES) {
    if (dbfs(samples, start, Math.min(samples.length, start + FRAME_SAMPLES)) > -50) return (start / FRAME_SAMPLES) * FRAME_MS;
  }
  throw new Error('the interruption holds no speech');
}

describe('barge-in', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('barge_in');
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(() => platform?.stop(), PLATFORM_STOP_TIMEOUT_MS);

  it('stops the agent mid-sentence when the caller talks over it, and answers what they said', async () => {
    const [question, interruption] = await Promise.all([speechFromText(LONG_QUESTION), speechFromText(INTERRUPTION)]);
    const call = await VoiceCallClient.connect(platform.voiceUrl(platform.demo.voiceKey.raw));
    const line = new PhoneLine(call);
    await heardGreeting(call);

    const asked = call.now();
    await line.say(question);
    const replyStart = await call.waitFor('audio_start', () => true, REPLY_TIMEOUT_MS, asked);
    const reply = agentAudioSince(call, replyStart.at);
    while (reply.frames * FRAME_MS < HEARD_BEFORE_BARGE_IN_MS) {
      await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
    }
    const lastFrame = watchLastFrame(call, reply);

    const talkedAt = call.now();
    const speaking = line.say(interruption);
    const cut = await call.waitFor('audio_end', () => true, REPLY_TIMEOUT_MS, replyStart.at);
    const speechOnset = talkedAt + firstVoicedMs(interruption);
    await speaking;
    const stoppedAfterMs = lastFrame.stop() - speechOnset;

    expect(cut.at).toBeGreaterThan(talkedAt);
    // The whole answer is several seconds long: the caller heard only its start.
    expect(reply.frames * FRAME_MS).toBeLessThan(HEARD_BEFORE_BARGE_IN_MS + 2_000);
    expect(stoppedAfterMs).toBeLessThan(STOP_BOUND_MS);

    // Only what the caller heard of the cut answer is its transcript.
    const played = await call.waitFor('transcript', (m) => m.role === 'assistant', REPLY_TIMEOUT_MS, cut.at);
    expect(played.message.text).toMatch(/^standard/i);
    expect(played.message.text).not.toMatch(/express/i);

    // The call goes on: the interruption is the caller's next turn, and it is answered.
    const nextTurn = await call.waitFor('turn_start', () => true, REPLY_TIMEOUT_MS, cut.at);
    const answer = await agentReplySince(call, nextTurn.at);
    expect(answer.message.text).toMatch(/monday to friday/i);
    const user = call.messagesOf('transcript').filter((m) => m.at >= talkedAt && m.message.role === 'user');
    expect(user.map((m) => m.message.text).join(' ')).toMatch(/business hours/);
    expect(typesSince(call, nextTurn.at)).toEqual(['turn_start', 'audio_start', 'audio_end', 'transcript']);
    expect(call.protocolErrors).toEqual([]);

    call.endCall();
    expect((await call.closed).code).toBe(1000);
    line.mute();
    console.log(
      `barge-in: agent audio stopped ${Math.round(stoppedAfterMs)} ms after the caller began speaking; ` +
        `voice-to-voice ${call.turnLatencies.map((t) => Math.round(t.voiceToVoiceMs)).join(', ')} ms`,
    );
  });
});
