import { z } from 'zod';
import { categoryOf, ERROR_CATEGORIES, ERROR_CODES, type ErrorCode, isRetryableCode } from './error-catalog';

export const errorCodeSchema = z.enum(ERROR_CODES);
export const errorCategorySchema = z.enum(ERROR_CATEGORIES);

/**
 * The one shape every failure takes between processes: RPC error replies on the bus,
 * and the basis of the REST and voice error bodies. `message` is for humans and logs;
 * it never holds a stack trace or personal data.
 */
export const errorEnvelopeSchema = z.object({
  code: errorCodeSchema,
  category: errorCategorySchema,
  retryable: z.boolean(),
  message: z.string(),
});

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Builds an envelope whose category and retryability come from the catalog, never by hand. */
export function errorEnvelope(code: ErrorCode, message: string): ErrorEnvelope {
  return { code, category: categoryOf(code), retryable: isRetryableCode(code), message };
}
