import { Inject, Injectable } from '@nestjs/common';
import type { UsageRecordedEvent } from '@parley/contracts';
import type { BillingClient } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';
import { RatePricing } from '../rate-card/rate-card';
import { chargeUsage, type PricedUsage, type UsageCharge } from './usage-charges';
import { meterRows } from './usage-meter-rows';

export interface UsageOutcome {
  /** Already applied by an earlier delivery: nothing changed this time. */
  readonly duplicate: boolean;
  readonly exhausted: boolean;
}

type Tx = Parameters<Parameters<BillingClient['$transaction']>[0]>[0];

/** The key of a usage event: its ledger idempotency key and its `Nats-Msg-Id`. */
export const usageKey = (event: Pick<UsageRecordedEvent, 'callId' | 'seq'>) => `usage:${event.callId}:${event.seq}`;

/**
 * Applies a batch of usage events in one transaction: the events are stored keyed by call and
 * sequence (a redelivered one inserts nothing and charges nothing), the balances of their
 * organizations are locked, charged and written back, one ledger entry per charge, and each
 * call's meter row sums its usage. Balances are locked before meter rows, as settlement does.
 */
@Injectable()
export class UsageBatchWriter {
  constructor(
    @Inject(BILLING_DB) private readonly db: BillingClient,
    @Inject(RatePricing) private readonly pricing: RatePricing,
  ) {}

  async apply(events: readonly UsageRecordedEvent[]): Promise<Map<string, UsageOutcome>> {
    const priced = uniqueByKey(events).map((event) => this.price(event));
    const charges = await this.db.$transaction((tx) => this.write(tx, priced), { maxWait: 10_000, timeout: 30_000 });
    const outcomes = new Map<string, UsageOutcome>(priced.map((p) => [usageKey(p.event), { duplicate: true, exhausted: false }]));
    for (const charge of charges) outcomes.set(usageKey(charge.usage.event), { duplicate: false, exhausted: charge.exhausted });
    return outcomes;
  }

  private price(event: UsageRecordedEvent): PricedUsage {
    const providerClass = this.pricing.callClassOf(event.providers);
    return { event, providerClass, points: this.pricing.pointsFor(providerClass, event.seconds) };
  }

  private async write(tx: Tx, priced: PricedUsage[]): Promise<UsageCharge[]> {
    const balances = await lockBalances(tx, [...new Set(priced.map((p) => p.event.orgId))]);
    const fresh = await insertNew(tx, priced);
    if (fresh.length === 0) return [];
    const settled = await lockSettledCalls(tx, [...new Set(fresh.map((p) => p.event.callId))]);
    const charges = chargeUsage(fresh, balances, settled);
    await writeBalances(tx, balances);
    await appendDebits(tx, charges.filter((c) => c.charged > 0));
    await upsertMeters(tx, charges, settled);
    return charges;
  }
}

function uniqueByKey(events: readonly UsageRecordedEvent[]): UsageRecordedEvent[] {
  const byKey = new Map(events.map((e) => [usageKey(e), e]));
  // A fixed order keeps two writers from locking the same rows in opposite orders.
  return [...byKey.values()].sort((a, b) => (a.callId === b.callId ? a.seq - b.seq : a.callId < b.callId ? -1 : 1));
}

async function lockBalances(tx: Tx, orgIds: string[]): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ org_id: string; balance_points: bigint }[]>`
    SELECT org_id::text, balance_points FROM accounts WHERE org_id = ANY(${orgIds}::uuid[]) ORDER BY org_id FOR UPDATE`;
  return new Map(rows.map((r) => [r.org_id, Number(r.balance_points)]));
}

/** Stores the events; only those never stored before come back. */
async function insertNew(tx: Tx, priced: PricedUsage[]): Promise<PricedUsage[]> {
  const col = <T>(pick: (p: PricedUsage) => T) => priced.map(pick);
  const inserted = await tx.$queryRaw<{ call_id: string; seq: number }[]>`
    INSERT INTO usage_events (call_id, seq, org_id, seconds, points, stt_audio_ms, llm_input_tokens,
                              llm_output_tokens, tts_characters, recorded_at)
    SELECT * FROM unnest(${col((p) => p.event.callId)}::text[], ${col((p) => p.event.seq)}::int[],
      ${col((p) => p.event.orgId)}::uuid[], ${col((p) => p.event.seconds)}::int[], ${col((p) => p.points)}::bigint[],
      ${col((p) => p.event.sttAudioMs)}::int[], ${col((p) => p.event.llmInputTokens)}::int[],
      ${col((p) => p.event.llmOutputTokens)}::int[], ${col((p) => p.event.ttsCharacters)}::int[],
      ${col((p) => p.event.at)}::timestamptz[])
    ON CONFLICT DO NOTHING
    RETURNING call_id, seq`;
  const fresh = new Set(inserted.map((r) => usageKey({ callId: r.call_id, seq: r.seq })));
  return priced.filter((p) => fresh.has(usageKey(p.event)));
}

async function lockSettledCalls(tx: Tx, callIds: string[]): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ call_id: string; settled: boolean }[]>`
    SELECT call_id, settled_at IS NOT NULL AS settled FROM call_meters
    WHERE call_id = ANY(${callIds}::text[]) ORDER BY call_id FOR UPDATE`;
  return new Set(rows.filter((r) => r.settled).map((r) => r.call_id));
}

async function writeBalances(tx: Tx, balances: Map<string, number>): Promise<void> {
  if (balances.size === 0) return;
  await tx.$executeRaw`
    UPDATE accounts a SET balance_points = v.balance, updated_at = now()
    FROM unnest(${[...balances.keys()]}::uuid[], ${[...balances.values()]}::bigint[]) AS v(org_id, balance)
    WHERE a.org_id = v.org_id AND a.balance_points <> v.balance`;
}

async function appendDebits(tx: Tx, charges: UsageCharge[]): Promise<void> {
  if (charges.length === 0) return;
  const col = <T>(pick: (c: UsageCharge) => T) => charges.map(pick);
  await tx.$executeRaw`
    INSERT INTO ledger_entries (org_id, kind, points, balance_after, reason, idempotency_key, call_id)
    SELECT org_id, 'debit', points, balance_after, 'call usage', key, call_id::uuid
    FROM unnest(${col((c) => c.usage.event.orgId)}::uuid[], ${col((c) => c.charged)}::bigint[],
      ${col((c) => c.balanceAfter)}::bigint[], ${col((c) => usageKey(c.usage.event))}::text[],
      ${col((c) => c.usage.event.callId)}::text[]) AS v(org_id, points, balance_after, key, call_id)`;
}

async function upsertMeters(tx: Tx, charges: UsageCharge[], settled: ReadonlySet<string>): Promise<void> {
  const rows = meterRows(charges, settled);
  const col = <T>(pick: (r: (typeof rows)[number]) => T) => rows.map(pick);
  await tx.$executeRaw`
    INSERT INTO call_meters (call_id, org_id, agent_id, provider_class, stt_provider, llm_provider, llm_model,
      tts_provider, started_at, seconds, points, unpaid_points, stt_audio_ms, llm_input_tokens, llm_output_tokens,
      tts_characters, exhausted_at)
    SELECT * FROM unnest(${col((r) => r.callId)}::text[], ${col((r) => r.orgId)}::uuid[],
      ${col((r) => r.agentId)}::text[], ${col((r) => r.providerClass)}::text[], ${col((r) => r.stt)}::text[],
      ${col((r) => r.llm)}::text[], ${col((r) => r.llmModel)}::text[], ${col((r) => r.tts)}::text[],
      ${col((r) => r.startedAt)}::timestamptz[], ${col((r) => r.seconds)}::int[], ${col((r) => r.points)}::bigint[],
      ${col((r) => r.unpaid)}::bigint[], ${col((r) => r.sttAudioMs)}::bigint[], ${col((r) => r.llmInputTokens)}::bigint[],
      ${col((r) => r.llmOutputTokens)}::bigint[], ${col((r) => r.ttsCharacters)}::bigint[],
      ${col((r) => r.exhaustedAt)}::timestamptz[])
    ON CONFLICT (call_id) DO UPDATE SET
      seconds = call_meters.seconds + excluded.seconds,
      points = call_meters.points + excluded.points,
      unpaid_points = call_meters.unpaid_points + excluded.unpaid_points,
      stt_audio_ms = call_meters.stt_audio_ms + excluded.stt_audio_ms,
      llm_input_tokens = call_meters.llm_input_tokens + excluded.llm_input_tokens,
      llm_output_tokens = call_meters.llm_output_tokens + excluded.llm_output_tokens,
      tts_characters = call_meters.tts_characters + excluded.tts_characters,
      exhausted_at = COALESCE(call_meters.exhausted_at, excluded.exhausted_at)`;
}
