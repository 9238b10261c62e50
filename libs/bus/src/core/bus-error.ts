import { type ErrorCategory, type ErrorCode, errorEnvelope, type ErrorEnvelope } from '@parley/contracts';

/**
 * A failure that crossed (or tried to cross) the bus. Category and retryability come
 * from the contracts' error catalog, so every caller applies the same retry rule.
 */
export class BusError extends Error {
  override readonly name = 'BusError';
  readonly category: ErrorCategory;
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    const envelope = errorEnvelope(code, message);
    this.category = envelope.category;
    this.retryable = envelope.retryable;
  }

  static fromEnvelope(envelope: ErrorEnvelope): BusError {
    return new BusError(envelope.code, envelope.message);
  }

  toEnvelope(): ErrorEnvelope {
    return errorEnvelope(this.code, this.message);
  }
}
