import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';

export const usagePeriodSchema = z.enum(['today', '7d', '30d', 'all']);
export const usageGroupBySchema = z.enum(['day', 'model', 'agent', 'service']);

/** `billing.v1.rpc.usage.summary`: usage and cost totals with a breakdown (reference 004 §4). */
export const usageSummaryRequestSchema = z.object({
  orgId: entityIdSchema,
  period: usagePeriodSchema,
  groupBy: usageGroupBySchema,
});

export const usageTotalsSchema = z.object({
  costUsd: z.number().nonnegative(),
  inputTokens: z.int().nonnegative(),
  outputTokens: z.int().nonnegative(),
  audioMinutes: z.number().nonnegative(),
  ttsCharacters: z.int().nonnegative(),
  calls: z.int().nonnegative(),
  points: z.int().nonnegative(),
});

/** One group: a day (`YYYY-MM-DD`), a model, an agent id or a service (`llm`, `stt`, `tts`). */
export const usageBreakdownRowSchema = z.object({
  key: z.string(),
  cost: z.number().nonnegative(),
  llmCost: z.number().nonnegative(),
  sttCost: z.number().nonnegative(),
  ttsCost: z.number().nonnegative(),
  calls: z.int().nonnegative(),
  points: z.int().nonnegative(),
});

export const usageSummaryReplySchema = z.object({
  period: usagePeriodSchema,
  groupBy: usageGroupBySchema,
  totals: usageTotalsSchema,
  breakdown: z.array(usageBreakdownRowSchema),
});

export type UsagePeriod = z.infer<typeof usagePeriodSchema>;
export type UsageGroupBy = z.infer<typeof usageGroupBySchema>;
export type UsageSummaryRequest = z.infer<typeof usageSummaryRequestSchema>;
export type UsageTotals = z.infer<typeof usageTotalsSchema>;
export type UsageBreakdownRow = z.infer<typeof usageBreakdownRowSchema>;
export type UsageSummaryReply = z.infer<typeof usageSummaryReplySchema>;
