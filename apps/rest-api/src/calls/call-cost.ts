import { callSettledEventSchema } from '@parley/contracts';
import type { z } from 'zod';

/** billing's settlement of a call as `calls.cost` keeps it: its figures, unchanged. */
export const storedCallCostSchema = callSettledEventSchema.pick({
  points: true,
  unpaidPoints: true,
  cost: true,
  usage: true,
  settledAt: true,
});

export type StoredCallCost = z.infer<typeof storedCallCostSchema>;
