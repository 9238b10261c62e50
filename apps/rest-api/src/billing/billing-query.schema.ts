import { meteredCallStatusSchema, usageGroupBySchema, usagePeriodSchema } from '@parley/contracts';
import { z } from 'zod';
import { paginationQuery } from '../http/paginated';

/** `GET /api/v1/usage?period=today|7d|30d|all&group_by=day|model|agent|service` (reference 004 §4). */
export const usageQuerySchema = z.object({
  period: usagePeriodSchema.default('30d'),
  group_by: usageGroupBySchema.default('day'),
});

/** `GET /api/usage?agent=&status=&from=&to=`: the dashboard's call logs (reference 000). */
export const callLogQuerySchema = z.object({
  ...paginationQuery,
  agent: z.string().min(1).max(64).optional(),
  status: meteredCallStatusSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const ledgerQuerySchema = z.object(paginationQuery);

/** `POST /api/billing/credits`: an admin tops up the organization's points. */
export const creditBodySchema = z.object({
  points: z.int().positive().max(1_000_000_000),
  reason: z.string().trim().min(1).max(200).default('top-up'),
  /** A retried request with the same key credits once. */
  idempotency_key: z.string().min(1).max(200).optional(),
});

export type UsageQuery = z.output<typeof usageQuerySchema>;
export type CallLogQuery = z.output<typeof callLogQuerySchema>;
export type LedgerQuery = z.output<typeof ledgerQuerySchema>;
export type CreditBody = z.output<typeof creditBodySchema>;
