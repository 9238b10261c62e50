import { z } from 'zod';
import { entityIdSchema, isoDateTimeSchema } from '../shared/ids.schema';

/** `billing.v1.rpc.balance.get`: the org's current points balance. */
export const balanceGetRequestSchema = z.object({
  orgId: entityIdSchema,
});

export const balanceGetReplySchema = z.object({
  orgId: entityIdSchema,
  /** Whole points; may go negative when a call overruns its balance. */
  points: z.int(),
  asOf: isoDateTimeSchema,
});

export type BalanceGetRequest = z.infer<typeof balanceGetRequestSchema>;
export type BalanceGetReply = z.infer<typeof balanceGetReplySchema>;
