import { errorCodeSchema } from '@parley/contracts';
import { type VoiceUpgradeRefusedError, VoiceCallClient } from '@parley/testing';
import { heardGreeting, refusalOf } from './support/call-steps';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';

const codes = errorCodeSchema.enum;
/** A well-formed key no one issued. */
const UNKNOWN_KEY = `sk_live_${'0'.repeat(64)}`;

describe('voice upgrade refusals over the real stack', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('upgrade_errors');
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(() => platform?.stop(), PLATFORM_STOP_TIMEOUT_MS);

  const refusalFor = (url: string) => refusalOf(VoiceCallClient.connect(url));

  /** Reference 003: the status, and a JSON body of exactly `{code, message}`. */
  function expectRefusal(refusal: VoiceUpgradeRefusedError, status: number, code: string): void {
    expect(refusal.status).toBe(status);
    expect(JSON.parse(refusal.rawBody)).toEqual({ code, message: expect.stringMatching(/\S/) });
  }

  it('refuses a malformed key with 400 INVALID_KEY_FORMAT', async () => {
    const refusal = await refusalFor(platform.voiceUrl('sk_live_short'));
    expectRefusal(refusal, 400, codes.INVALID_KEY_FORMAT);
  });

  it('refuses a key no one issued with 401 KEY_NOT_FOUND', async () => {
    const refusal = await refusalFor(platform.voiceUrl(UNKNOWN_KEY));
    expectRefusal(refusal, 401, codes.KEY_NOT_FOUND);
  });

  it('refuses an organization without points with 402 INSUFFICIENT_BALANCE', async () => {
    const key = await platform.data.voiceKey({}, { funded: false });
    const refusal = await refusalFor(platform.voiceUrl(key.raw));
    expectRefusal(refusal, 402, codes.INSUFFICIENT_BALANCE);
  });

  it('refuses a revoked key with 403 KEY_REVOKED', async () => {
    const key = await platform.data.revokedKey();
    const refusal = await refusalFor(platform.voiceUrl(key.raw));
    expectRefusal(refusal, 403, codes.KEY_REVOKED);
  });

  it('refuses a key whose agent was deleted with 404 AGENT_NOT_FOUND', async () => {
    const key = await platform.data.keyOfDeletedAgent();
    const refusal = await refusalFor(platform.voiceUrl(key.raw));
    expectRefusal(refusal, 404, codes.AGENT_NOT_FOUND);
  });

  it('refuses a second concurrent call over the organization limit with 429 RATE_LIMITED', async () => {
    const key = await platform.data.voiceKey({}, { concurrentCallLimit: 1 });
    const first = await VoiceCallClient.connect(platform.voiceUrl(key.raw));
    try {
      await heardGreeting(first);
      const refusal = await refusalFor(platform.voiceUrl(key.raw));
      expectRefusal(refusal, 429, codes.RATE_LIMITED);
      expect(refusal.retryable).toBe(true);
    } finally {
      await first.close();
    }
  });

  it('answers any other path with 404 and a JSON error body', async () => {
    const refusal = await refusalFor(platform.gatewayUrl(`/calls/${platform.demo.voiceKey.raw}`));
    expectRefusal(refusal, 404, codes.NOT_FOUND);
  });
});
