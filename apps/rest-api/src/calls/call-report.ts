import { callReportSchema } from '@parley/contracts';
import { z } from 'zod';

/**
 * A call's report as `calls.report` keeps it: the contract's report (the dialer's for task calls,
 * rest-api's extractive one otherwise), when it was written, and the extractive key sentences.
 */
export const storedCallReportSchema = callReportSchema.extend({
  generatedAt: z.iso.datetime({ offset: true }),
  keyPoints: z.array(z.string()).optional(),
});

export type StoredCallReport = z.infer<typeof storedCallReportSchema>;
