import { Inject, Injectable } from '@nestjs/common';
import type { CallEndedEvent, CallSettledEvent } from '@parley/contracts';
import type { BillingClient, CallMeter } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';
import { RatePricing } from '../rate-card/rate-card';
import { settledEventOf } from './call-settled.mapper';

type Tx = Parameters<Parameters<BillingClient['$transaction']>[0]>[0];

/** `call.ended` came before any of the call's usage events; a later delivery will find them. */
export class MeterNotFoundError extends Error {
  override readonly name = 'MeterNotFoundError';
}

/**
 * The final charge of a call, from `call.ended`: the started seconds of its whole duration less
 * those its usage events already charged, taken from the balance as far as it goes. Settling
 * twice changes nothing and answers the first settlement, so a redelivered `call.ended` only
 * republishes `call.settled`.
 */
@Injectable()
export class CallSettlementService {
  constructor(
    @Inject(BILLING_DB) private readonly db: BillingClient,
    @Inject(RatePricing) private readonly pricing: RatePricing,
  ) {}

  /** `withoutUsage`: settle even if no usage event was ever stored (the gateway's were lost). */
  async settle(ended: CallEndedEvent, withoutUsage: boolean): Promise<CallSettledEvent> {
    const meter = await this.db.$transaction((tx) => this.settleIn(tx, ended, withoutUsage), {
      maxWait: 10_000,
      timeout: 30_000,
    });
    return settledEventOf(meter);
  }

  private async settleIn(tx: Tx, ended: CallEndedEvent, withoutUsage: boolean): Promise<CallMeter> {
    const [account] = await tx.$queryRaw<{ balance_points: bigint }[]>`
      SELECT balance_points FROM accounts WHERE org_id = ${ended.orgId}::uuid FOR UPDATE`;
    const meter = await this.lockMeter(tx, ended, withoutUsage);
    if (meter.settledAt) return meter;
    const totalSeconds = Math.max(1, Math.ceil(ended.durationMs / 1000));
    const owed = this.pricing.pointsFor(meter.providerClass, Math.max(0, totalSeconds - meter.seconds));
    const balance = account ? Number(account.balance_points) : 0;
    const charged = Math.min(owed, Math.max(balance, 0));
    if (charged > 0) await appendSettlementDebit(tx, ended, charged, balance - charged);
    const usage = {
      seconds: Math.max(totalSeconds, meter.seconds),
      sttAudioSeconds: Number(meter.sttAudioMs) / 1000,
      llmInputTokens: Number(meter.llmInputTokens),
      llmOutputTokens: Number(meter.llmOutputTokens),
      ttsCharacters: Number(meter.ttsCharacters),
    };
    const cost = this.pricing.costOf({ stt: meter.sttProvider, llm: meter.llmProvider, tts: meter.ttsProvider }, usage);
    return tx.callMeter.update({
      where: { callId: ended.callId },
      data: {
        seconds: usage.seconds,
        points: { increment: charged },
        unpaidPoints: { increment: owed - charged },
        endedAt: new Date(ended.endedAt),
        reason: ended.reason,
        settledAt: new Date(),
        costLlm: cost.llm,
        costStt: cost.stt,
        costTts: cost.tts,
      },
    });
  }

  private async lockMeter(tx: Tx, ended: CallEndedEvent, withoutUsage: boolean): Promise<CallMeter> {
    const [row] = await tx.$queryRaw<{ call_id: string }[]>`
      SELECT call_id FROM call_meters WHERE call_id = ${ended.callId} FOR UPDATE`;
    if (row) return tx.callMeter.findUniqueOrThrow({ where: { callId: ended.callId } });
    if (!withoutUsage) throw new MeterNotFoundError(`no usage stored yet for call ${ended.callId}`);
    // The engines are unknown: the call is charged at the default class, the dearest guess.
    const unknown = 'unknown';
    const startedAt = new Date(Date.parse(ended.endedAt) - ended.durationMs);
    return tx.callMeter.create({
      data: {
        callId: ended.callId,
        orgId: ended.orgId,
        agentId: ended.agentId,
        providerClass: this.pricing.card.defaultClass,
        sttProvider: unknown,
        llmProvider: unknown,
        llmModel: unknown,
        ttsProvider: unknown,
        startedAt,
      },
    });
  }
}

async function appendSettlementDebit(tx: Tx, ended: CallEndedEvent, points: number, balanceAfter: number) {
  await tx.$executeRaw`UPDATE accounts SET balance_points = ${balanceAfter}, updated_at = now()
    WHERE org_id = ${ended.orgId}::uuid`;
  await tx.ledgerEntry.create({
    data: {
      orgId: ended.orgId,
      kind: 'debit',
      points: BigInt(points),
      balanceAfter: BigInt(balanceAfter),
      reason: 'call settlement',
      idempotencyKey: `settle:${ended.callId}`,
      callId: ended.callId,
    },
  });
}
