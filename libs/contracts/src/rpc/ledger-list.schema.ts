import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/** `billing.v1.rpc.ledger.list`: an organization's ledger, newest entry first. */
export const ledgerListRequestSchema = z.object({
  orgId: entityIdSchema,
  limit: z.int().min(1).max(100),
  offset: z.int().nonnegative(),
});

export const ledgerEntrySchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['credit', 'debit']),
  points: z.int().positive(),
  balanceAfter: z.int(),
  reason: z.string(),
  callId: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});

export const ledgerListReplySchema = z.object({
  entries: z.array(ledgerEntrySchema),
  total: z.int().nonnegative(),
});

export type LedgerListRequest = z.infer<typeof ledgerListRequestSchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type LedgerListReply = z.infer<typeof ledgerListReplySchema>;
