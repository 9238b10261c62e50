import { Inject, Injectable } from '@nestjs/common';
import type { UsageBreakdownRow, UsageGroupBy, UsageSummaryReply, UsageSummaryRequest, UsageTotals } from '@parley/contracts';
import { type BillingClient, Prisma } from '@parley/db-billing';
import { BILLING_DB } from '../database/database.tokens';
import { money } from '../rate-card/rate-card';
import { periodStart } from './usage-period';

interface GroupRow {
  key: string;
  calls: bigint;
  points: bigint;
  llm: number;
  stt: number;
  tts: number;
  input_tokens: bigint;
  output_tokens: bigint;
  stt_audio_ms: bigint;
  tts_characters: bigint;
}

/** The grouping expression of each `group_by`; `service` splits the totals by stage instead. */
const GROUP_KEYS: Record<Exclude<UsageGroupBy, 'service'>, Prisma.Sql> = {
  day: Prisma.sql`to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  model: Prisma.sql`llm_model`,
  agent: Prisma.sql`agent_id`,
};

/**
 * Usage and cost of an organization's calls over a period (reference 004 §4), summed in
 * Postgres. A call counts in the period it started in; calls still running count with the
 * points charged so far and no money cost until they settle.
 */
@Injectable()
export class UsageSummaryService {
  constructor(@Inject(BILLING_DB) private readonly db: BillingClient) {}

  async summarize({ orgId, period, groupBy }: UsageSummaryRequest, now = new Date()): Promise<UsageSummaryReply> {
    const key = groupBy === 'service' ? Prisma.sql`'all'` : GROUP_KEYS[groupBy];
    const rows = await this.db.$queryRaw<GroupRow[]>`
      SELECT ${key} AS key, count(*) AS calls, sum(points + unpaid_points) AS points,
             coalesce(sum(cost_llm), 0)::float8 AS llm, coalesce(sum(cost_stt), 0)::float8 AS stt,
             coalesce(sum(cost_tts), 0)::float8 AS tts, sum(llm_input_tokens) AS input_tokens,
             sum(llm_output_tokens) AS output_tokens, sum(stt_audio_ms) AS stt_audio_ms,
             sum(tts_characters) AS tts_characters
      FROM call_meters
      WHERE org_id = ${orgId}::uuid AND started_at >= ${periodStart(period, now)}
      GROUP BY 1 ORDER BY 1`;
    const totals = totalsOf(rows);
    const breakdown = groupBy === 'service' ? byService(rows) : rows.map(breakdownRow);
    return { period, groupBy, totals, breakdown };
  }
}

function breakdownRow(row: GroupRow): UsageBreakdownRow {
  return {
    key: row.key,
    cost: money(row.llm + row.stt + row.tts),
    llmCost: money(row.llm),
    sttCost: money(row.stt),
    ttsCost: money(row.tts),
    calls: Number(row.calls),
    points: Number(row.points),
  };
}

function totalsOf(rows: GroupRow[]): UsageTotals {
  const sum = (pick: (row: GroupRow) => number | bigint) => rows.reduce((total, row) => total + Number(pick(row)), 0);
  return {
    costUsd: money(sum((r) => r.llm + r.stt + r.tts)),
    inputTokens: sum((r) => r.input_tokens),
    outputTokens: sum((r) => r.output_tokens),
    audioMinutes: Math.round((sum((r) => r.stt_audio_ms) / 60_000) * 100) / 100,
    ttsCharacters: sum((r) => r.tts_characters),
    calls: sum((r) => r.calls),
    points: sum((r) => r.points),
  };
}

/** One row per stage, each carrying only its own cost; every call used every stage. */
function byService(rows: GroupRow[]): UsageBreakdownRow[] {
  const [all] = rows.map(breakdownRow);
  if (!all) return [];
  const stage = (key: string, cost: number) => ({
    key,
    cost,
    llmCost: key === 'llm' ? cost : 0,
    sttCost: key === 'stt' ? cost : 0,
    ttsCost: key === 'tts' ? cost : 0,
    calls: all.calls,
    points: 0,
  });
  return [stage('llm', all.llmCost), stage('stt', all.sttCost), stage('tts', all.ttsCost)];
}
