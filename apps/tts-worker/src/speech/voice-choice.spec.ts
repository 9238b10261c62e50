import { TtsEngines } from '../engine/tts-engines';
import type { TtsProvider } from '../providers/tts-provider';
import { chooseVoice } from './voice-choice';

function engine(name: string, voices: string[], anyVoice = false): TtsProvider {
  return {
    name,
    voices,
    anyVoice,
    defaultVoice: voices[0] ?? 'vendor-default',
    sampleRate: 16_000,
    load: async () => undefined,
    close: async () => undefined,
    synthesize: async function* () {
      yield new Int16Array(0);
    },
  };
}

const flite = engine('flite', ['slt', 'rms', 'awb']);
const elevenlabs = engine('elevenlabs', [], true);

describe('chooseVoice', () => {
  const engines = new TtsEngines([flite, elevenlabs], 'flite');

  it('speaks with the requested engine and voice when this worker has them', () => {
    expect(chooseVoice({ provider: 'flite', voiceId: 'rms' }, engines)).toEqual({ provider: flite, voice: 'rms' });
  });

  it('passes any vendor voice id through, with the agent voice settings', () => {
    const voice = { provider: 'elevenlabs', voiceId: 'EXAVITQu4vr4xnSDxMaL', model: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75 };
    expect(chooseVoice(voice, engines)).toEqual({
      provider: elevenlabs,
      voice: 'EXAVITQu4vr4xnSDxMaL',
      tuning: { model: 'eleven_flash_v2_5', stability: 0.5, similarityBoost: 0.75 },
    });
  });

  it('gives an agent that chose no voice the engine default, without calling it a fallback', () => {
    expect(chooseVoice({ provider: 'flite', voiceId: 'default' }, engines)).toEqual({ provider: flite, voice: 'slt' });
  });

  it('falls back to the engine default voice for a voice this installation lacks', () => {
    expect(chooseVoice({ provider: 'flite', voiceId: 'kal16' }, engines)).toEqual({ provider: flite, voice: 'slt', fallback: 'unknown-voice' });
  });

  it('falls back to the worker default engine for a provider it does not run', () => {
    const fliteOnly = new TtsEngines([flite], 'flite');
    expect(chooseVoice({ provider: 'elevenlabs', voiceId: 'rms' }, fliteOnly)).toEqual({
      provider: flite,
      voice: 'slt',
      fallback: 'unknown-provider',
    });
  });
});
