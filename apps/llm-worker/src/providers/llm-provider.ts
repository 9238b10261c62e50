import type { LlmReplyRequest } from '@parley/contracts';

/**
 * What every reply generator offers the worker: the request in, a stream of events out. Text comes
 * as deltas of any size (a token, a word, several sentences); the worker cuts them into sentences,
 * so a streaming cloud model and the local agent look the same to it.
 *
 * Tool calls stay inside the provider: a provider that offers tools to its model runs them
 * (knowledge-base search over the bus, custom HTTP tools) and feeds the results back, and shows the
 * worker only their effect on the reply: more text, `end-call`, `transfer` or `dtmf`.
 */
export type ReplyEvent =
  /** More of the reply's text; join deltas as they come, spaces included. */
  | { readonly type: 'text'; readonly text: string }
  /** The call ends once this reply has been spoken (the caller said goodbye). */
  | { readonly type: 'end-call' }
  /** Once this reply has been spoken, the caller is transferred to this E.164 number (`transfer_call`). */
  | { readonly type: 'transfer'; readonly to: string }
  /** Once this reply has been spoken, these keys are played as tones (`send_dtmf`). */
  | { readonly type: 'dtmf'; readonly digits: string }
  /**
   * The reply does not answer the caller: the agent had nothing on the subject (`no-match`) or did
   * not understand what was said (`unclear`). Spoken text still follows; this only marks the turn.
   */
  | { readonly type: 'unanswered'; readonly reason: 'no-match' | 'unclear' }
  /** Tokens the model used for this reply so far (a provider without a model sends none). */
  | { readonly type: 'usage'; readonly inputTokens: number; readonly outputTokens: number };

export interface LlmProvider {
  /** The name agents select it by: `agent.llm.provider`. */
  readonly name: string;
  /**
   * Generates the reply to the request's conversation. When `signal` aborts (barge-in, end of the
   * call) the stream ends without an error and the provider releases what it holds; the worker
   * has stopped listening by then. A failure is thrown from the iteration.
   */
  reply(request: LlmReplyRequest, signal: AbortSignal): AsyncIterable<ReplyEvent>;
}

/**
 * Provider-independent failure kinds; `retryable` follows from the kind, so retry policy lives here
 * and nowhere else. Every kind reaches the caller as `LLM_TIMEOUT` (reference 003): the agent
 * speaks its fallback phrase and the call goes on.
 */
export type LlmErrorKind =
  /** Bad credentials, unknown model, malformed request: retrying cannot help. */
  | 'config'
  /** The model did not answer in time. */
  | 'timeout'
  /** The service cannot be reached or failed on its side. */
  | 'unavailable'
  /** Rate or quota limit of the provider's account. */
  | 'overloaded';

const RETRYABLE: Record<LlmErrorKind, boolean> = { config: false, timeout: true, unavailable: true, overloaded: true };

export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly code = 'LLM_TIMEOUT';
  readonly retryable: boolean;

  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = RETRYABLE[kind];
  }
}
