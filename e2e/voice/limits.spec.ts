import { callEndReasonSchema } from '@parley/contracts';
import { speechFromText, VoiceCallClient } from '@parley/testing';
import { heardGreeting, REPLY_TIMEOUT_MS, typesSince } from './support/call-steps';
import type { AgentOverrides } from './support/fixtures/test-data';
import { PhoneLine } from './support/phone-line';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';

const reasons = callEndReasonSchema.enum;

describe('call limits', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('limits');
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(() => platform?.stop(), PLATFORM_STOP_TIMEOUT_MS);

  /** A call to a new agent with `limits`, the line kept open with silence. */
  async function callAgentWith(limits: AgentOverrides): Promise<{ call: VoiceCallClient; line: PhoneLine }> {
    const key = await platform.data.voiceKey(limits);
    const call = await VoiceCallClient.connect(platform.voiceUrl(key.raw));
    return { call, line: new PhoneLine(call) };
  }

  it('answers the last allowed turn, then sends error and call_end MAX_TURNS_REACHED and closes', async () => {
    const { call, line } = await callAgentWith({ maxTurns: 1 });
    await heardGreeting(call);

    const asked = call.now();
    await line.say(await speechFromText('What are your business hours?'));
    const ended = await call.waitFor('call_end', () => true, REPLY_TIMEOUT_MS, asked);
    const closed = await call.closed;

    expect(ended.message.reason).toBe(reasons.MAX_TURNS_REACHED);
    const types = typesSince(call, asked).filter((type) => type !== 'interim');
    expect(types).toEqual(['transcript', 'turn_start', 'audio_start', 'audio_end', 'transcript', 'error', 'call_end']);
    expect(call.messagesOf('error').map((m) => m.message.code)).toEqual([reasons.MAX_TURNS_REACHED]);
    expect(call.messagesOf('transcript').at(-1)?.message.text).toMatch(/monday to friday/i);
    expect(closed.code).toBe(1000);
  });

  it('ends a call whose caller stays silent for the agent silence timeout with SILENCE_TIMEOUT', async () => {
    const { call } = await callAgentWith({ silenceTimeoutS: 2 });
    await heardGreeting(call);
    const greetingEnded = call.messagesOf('audio_end')[0].at;

    const ended = await call.waitFor('call_end', () => true, REPLY_TIMEOUT_MS, 0);
    const closed = await call.closed;

    expect(ended.message.reason).toBe(reasons.SILENCE_TIMEOUT);
    // The agent speaking does not count as the caller being silent: the clock runs after the greeting.
    expect(ended.at - greetingEnded).toBeGreaterThanOrEqual(1_900);
    expect(closed.code).toBe(1000);
  });

  it('ends a call at the agent maximum duration with MAX_DURATION_REACHED', async () => {
    const { call } = await callAgentWith({ maxDurationS: 5, silenceTimeoutS: 60 });

    const ended = await call.waitFor('call_end', () => true, REPLY_TIMEOUT_MS, 0);
    const closed = await call.closed;

    expect(ended.message.reason).toBe(reasons.MAX_DURATION_REACHED);
    expect(ended.at).toBeGreaterThanOrEqual(4_900);
    expect(closed.code).toBe(1000);
  });

  it('ends the call on end_call with call_end CLIENT_ENDED and a normal close', async () => {
    const { call } = await callAgentWith({});
    await heardGreeting(call);

    call.endCall();
    const closed = await call.closed;

    expect(call.messagesOf('call_end').map((m) => m.message.reason)).toEqual([reasons.CLIENT_ENDED]);
    expect(closed.code).toBe(1000);
  });
});
