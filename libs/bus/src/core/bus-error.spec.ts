import { BusError } from './bus-error';

describe('BusError', () => {
  it('takes category and retryability from the error catalog', () => {
    expect(new BusError('NO_RESPONDERS', 'nobody')).toMatchObject({ category: 'unavailable', retryable: true });
    expect(new BusError('KEY_REVOKED', 'revoked')).toMatchObject({ category: 'auth', retryable: false });
  });

  it('round-trips through the error envelope', () => {
    const err = BusError.fromEnvelope(new BusError('TTS_ERROR', 'voice failed').toEnvelope());
    expect(err).toBeInstanceOf(BusError);
    expect(err).toMatchObject({
      name: 'BusError',
      code: 'TTS_ERROR',
      category: 'provider',
      retryable: true,
      message: 'voice failed',
    });
  });
});
