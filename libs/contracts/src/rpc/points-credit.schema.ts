import { z } from 'zod';
import { entityIdSchema } from '../shared/ids.schema';

/** `billing.v1.rpc.points.credit`: add points to an organization's balance, once per key. */
export const pointsCreditRequestSchema = z.object({
  orgId: entityIdSchema,
  points: z.int().positive().max(1_000_000_000),
  reason: z.string().trim().min(1).max(200),
  /** A retry with the same key credits nothing more and answers the first credit's entry. */
  idempotencyKey: z.string().min(1).max(200),
});

export const pointsCreditReplySchema = z.object({
  orgId: entityIdSchema,
  entryId: z.string().min(1),
  /** The balance right after this credit. */
  balanceAfter: z.int(),
  /** False when the key had already been used: nothing was added this time. */
  credited: z.boolean(),
});

export type PointsCreditRequest = z.infer<typeof pointsCreditRequestSchema>;
export type PointsCreditReply = z.infer<typeof pointsCreditReplySchema>;
