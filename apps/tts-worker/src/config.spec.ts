import { EnvError } from '@parley/config';
import { loadConfig } from './config';

describe('tts-worker config', () => {
  it('defaults to flite with voice slt and 64 pending sentences', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3013,
      TTS_PROVIDER: 'flite',
      TTS_VOICE: 'slt',
      TTS_MAX_PENDING_SENTENCES: 64,
    });
  });

  it('refuses an unknown engine and a worker that can hold no sentence', () => {
    expect(() => loadConfig({ TTS_PROVIDER: 'espeak' })).toThrow(EnvError);
    expect(() => loadConfig({ TTS_MAX_PENDING_SENTENCES: '0' })).toThrow(EnvError);
  });
});
