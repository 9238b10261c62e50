import { randomUUID } from 'node:crypto';
import { Bus } from '@parley/bus';
import { callEndReasonSchema, rpcSubjects } from '@parley/contracts';
import { createLogger } from '@parley/logging';
import { VoiceCallClient, VoiceUpgradeRefusedError } from '@parley/testing';
import { REPLY_TIMEOUT_MS, refusalOf } from './support/call-steps';
import { PhoneLine } from './support/phone-line';
import { PLATFORM_START_TIMEOUT_MS, PLATFORM_STOP_TIMEOUT_MS, type Platform, startPlatform } from './support/platform';

const reasons = callEndReasonSchema.enum;

describe('billing of a live call', () => {
  let platform: Platform;
  let bus: Bus;

  beforeAll(async () => {
    platform = await startPlatform('billing');
    const logger = createLogger({ service: 'e2e-billing', level: 'silent' });
    bus = await Bus.connect({ url: platform.natsUrl, name: 'e2e-billing', namespace: platform.namespace, logger });
  }, PLATFORM_START_TIMEOUT_MS);

  afterAll(async () => {
    await bus?.drain();
    await platform?.stop();
  }, PLATFORM_STOP_TIMEOUT_MS);

  /** Billing's own credit RPC, as the admin endpoint and the seed use it. */
  const credit = (orgId: string, points: number) =>
    bus.request(
      rpcSubjects.billingPointsCredit,
      { orgId, points, reason: 'e2e top-up', idempotencyKey: randomUUID() },
      { timeoutMs: 10_000 },
    );

  it('ends a call whose points run out with error then call_end BALANCE_EXHAUSTED within 2 s, then refuses the org with 402', async () => {
    const key = await platform.data.voiceKey({}, { funded: false });
    // The embedded engines cost 1 point per started second: the third second empties the balance.
    await credit(key.orgId, 3);
    const call = await connectRetrying(platform.voiceUrl(key.raw));
    const line = new PhoneLine(call);

    const ended = await call.waitFor('call_end', () => true, REPLY_TIMEOUT_MS, 0);
    const closed = await call.closed;

    expect(ended.message.reason).toBe(reasons.BALANCE_EXHAUSTED);
    const errors = call.messagesOf('error');
    expect(errors.map((e) => e.message.code)).toEqual([reasons.BALANCE_EXHAUSTED]);
    expect(errors[0].at).toBeLessThanOrEqual(ended.at);
    // The third started second began at 2 s; the call must be over within 2 s of that.
    expect(ended.at).toBeGreaterThanOrEqual(1_900);
    expect(ended.at).toBeLessThan(2_000 + 2_000);
    expect(closed.code).toBe(1000);
    line.mute();

    // The gateway trusts a balance for a few seconds; after that the empty account is refused.
    const deadline = Date.now() + 15_000;
    for (;;) {
      const connecting = VoiceCallClient.connect(platform.voiceUrl(key.raw));
      const refused = await refusalOf(connecting).catch(() => undefined);
      if (refused) {
        expect(refused.status).toBe(402);
        expect(refused.body?.code).toBe('INSUFFICIENT_BALANCE');
        break;
      }
      if (Date.now() > deadline) throw new Error('never refused with 402');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  });
});

/** Reference 003's retry policy: a 500 PLATFORM_ERROR (e.g. a slow key lookup on a busy machine) is retried. */
async function connectRetrying(url: string, attempts = 3): Promise<VoiceCallClient> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await VoiceCallClient.connect(url);
    } catch (err) {
      if (!(err instanceof VoiceUpgradeRefusedError && err.status === 500) || attempt >= attempts) throw err;
    }
  }
}
