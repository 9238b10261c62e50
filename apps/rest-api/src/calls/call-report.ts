import type { CallReport } from '@parley/contracts';

/**
 * A call's report as `calls.report` keeps it: the contract's report (the dialer's for task calls,
 * rest-api's extractive one otherwise), when it was written, and the extractive key sentences.
 */
export interface StoredCallReport extends CallReport {
  readonly generatedAt: string;
  readonly keyPoints?: readonly string[];
}
