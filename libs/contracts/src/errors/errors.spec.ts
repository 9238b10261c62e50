import { categoryOf, ERROR_CATALOG, type ErrorCode, httpStatusOf, isRetryableCode, isRetryableStatus } from './error-catalog';
import { errorEnvelope, errorEnvelopeSchema } from './error-envelope.schema';

describe('retry rule', () => {
  it('treats 4xx as final except 408, 429 and 499', () => {
    for (const status of [400, 401, 402, 403, 404, 409, 422]) expect(isRetryableStatus(status)).toBe(false);
    for (const status of [408, 429, 499, 500, 502, 503, 504]) expect(isRetryableStatus(status)).toBe(true);
  });

  it('never retries the voice upgrade failures that reference 003 calls configuration problems', () => {
    const final: ErrorCode[] = ['KEY_NOT_FOUND', 'INSUFFICIENT_BALANCE', 'KEY_REVOKED', 'AGENT_NOT_FOUND'];
    for (const code of final) expect(isRetryableCode(code)).toBe(false);
    expect(isRetryableCode('PLATFORM_ERROR')).toBe(true);
    expect(isRetryableCode('RATE_LIMITED')).toBe(true);
  });

  it('keeps QUOTA_EXCEEDED final although it shares 429 with RATE_LIMITED', () => {
    expect(httpStatusOf('QUOTA_EXCEEDED')).toBe(429);
    expect(isRetryableCode('QUOTA_EXCEEDED')).toBe(false);
  });

  it('treats a malformed voice frame as a final client error (400, not retryable)', () => {
    for (const code of ['INVALID_AUDIO', 'INVALID_MESSAGE'] as const) {
      expect(httpStatusOf(code)).toBe(400);
      expect(categoryOf(code)).toBe('client');
      expect(isRetryableCode(code)).toBe(false);
    }
  });
});

describe('error catalog', () => {
  it('maps the voice upgrade codes to the HTTP statuses of reference 003', () => {
    expect(httpStatusOf('INVALID_KEY_FORMAT')).toBe(400);
    expect(httpStatusOf('KEY_NOT_FOUND')).toBe(401);
    expect(httpStatusOf('INSUFFICIENT_BALANCE')).toBe(402);
    expect(httpStatusOf('KEY_REVOKED')).toBe(403);
    expect(httpStatusOf('AGENT_NOT_FOUND')).toBe(404);
    expect(httpStatusOf('RATE_LIMITED')).toBe(429);
    expect(httpStatusOf('PLATFORM_ERROR')).toBe(500);
  });

  it('holds every REST and runtime code of the reference docs', () => {
    const codes = Object.keys(ERROR_CATALOG);
    const rest = [
      'INVALID_REQUEST',
      'UNAUTHORIZED',
      'FORBIDDEN',
      'NOT_FOUND',
      'CONFLICT',
      'QUOTA_EXCEEDED',
      'INTERNAL_ERROR',
    ];
    const runtime = ['STT_ERROR', 'LLM_TIMEOUT', 'TTS_ERROR', 'BALANCE_EXHAUSTED', 'MAX_TURNS_REACHED'];
    expect(codes).toEqual(expect.arrayContaining([...rest, ...runtime]));
  });
});

describe('error envelope', () => {
  it('derives category and retryability from the code', () => {
    expect(errorEnvelope('LLM_TIMEOUT', 'model too slow')).toEqual({
      code: 'LLM_TIMEOUT',
      category: 'timeout',
      retryable: true,
      message: 'model too slow',
    });
    expect(errorEnvelope('KEY_REVOKED', 'revoked')).toMatchObject({ category: 'auth', retryable: false });
  });

  it('rejects unknown codes, unknown categories and a missing retry flag', () => {
    const valid = errorEnvelope('NOT_FOUND', 'no such call');
    expect(errorEnvelopeSchema.safeParse(valid).success).toBe(true);
    expect(errorEnvelopeSchema.safeParse({ ...valid, code: 'OOPS' }).success).toBe(false);
    expect(errorEnvelopeSchema.safeParse({ ...valid, category: 'cosmic' }).success).toBe(false);
    expect(errorEnvelopeSchema.safeParse({ ...valid, retryable: undefined }).success).toBe(false);
  });
});
