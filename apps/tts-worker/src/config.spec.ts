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

  it('reads the ElevenLabs settings, with its flash model, a premade voice and a 5 s timeout by default', () => {
    expect(loadConfig({ ELEVENLABS_API_KEY: 'xi-key', ELEVENLABS_BASE_URL: 'http://127.0.0.1:9999' })).toMatchObject({
      ELEVENLABS_API_KEY: 'xi-key',
      ELEVENLABS_BASE_URL: 'http://127.0.0.1:9999',
      ELEVENLABS_MODEL: 'eleven_flash_v2_5',
      ELEVENLABS_VOICE_ID: '21m00Tcm4TlvDq8EACHZ',
      ELEVENLABS_TIMEOUT_MS: 5_000,
      TTS_START_WAIT_MS: 1_500,
    });
    expect(() => loadConfig({ ELEVENLABS_BASE_URL: 'not a url' })).toThrow(EnvError);
  });
});
