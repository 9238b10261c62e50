import { chooseVoice } from './voice-choice';

const flite = { name: 'flite', voices: ['slt', 'rms', 'awb'], defaultVoice: 'slt' };

describe('chooseVoice', () => {
  it('speaks with the requested voice when this engine has it', () => {
    expect(chooseVoice({ provider: 'flite', voiceId: 'rms' }, flite)).toEqual({ voice: 'rms' });
  });

  it('falls back to the default voice for a voice this installation lacks', () => {
    expect(chooseVoice({ provider: 'flite', voiceId: 'kal16' }, flite)).toEqual({ voice: 'slt', fallback: 'unknown-voice' });
  });

  it('falls back to the default voice for another provider', () => {
    expect(chooseVoice({ provider: 'elevenlabs', voiceId: 'rms' }, flite)).toEqual({
      voice: 'slt',
      fallback: 'unknown-provider',
    });
  });
});
