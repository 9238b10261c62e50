import { APIConnectionTimeoutError, APIError } from 'openai';
import type { LlmErrorKind } from '../llm-provider';

/** What an SDK failure means for the call: 4xx is final except 408 and 429; 5xx and the network may pass. */
export function toOpenAiErrorKind(err: unknown): LlmErrorKind {
  if (err instanceof APIConnectionTimeoutError) return 'timeout';
  if (!(err instanceof APIError) || err.status === undefined) return 'unavailable';
  if (err.status === 408) return 'timeout';
  if (err.status === 429) return 'overloaded';
  return err.status >= 500 ? 'unavailable' : 'config';
}
