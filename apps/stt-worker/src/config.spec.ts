import { EnvError } from '@parley/config';
import { loadConfig } from './config';

describe('stt-worker config', () => {
  it('defaults to pocketsphinx, 8 sessions, one spare decoder, a minute of idle time, 2 s endpointing', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3011,
      STT_PROVIDER: 'pocketsphinx',
      STT_MAX_SESSIONS: 8,
      STT_SPARE_DECODERS: 1,
      STT_IDLE_TIMEOUT_MS: 60_000,
      STT_ENDPOINT_SILENCE_MS: 2_000,
      STT_WORKER_ID: expect.stringMatching(/^stt-.+-\d+$/),
    });
  });

  it('refuses an unknown engine and a worker without sessions', () => {
    expect(() => loadConfig({ STT_PROVIDER: 'whisper' })).toThrow(EnvError);
    expect(() => loadConfig({ STT_MAX_SESSIONS: '0' })).toThrow(EnvError);
  });
});
