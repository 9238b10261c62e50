import { DEFAULT_VOICE_ID, type VoiceSettings } from '@parley/contracts';
import type { TtsEngines } from '../engine/tts-engines';
import type { TtsProvider, TtsVoiceTuning } from '../providers/tts-provider';

export interface VoiceChoice {
  readonly provider: TtsProvider;
  readonly voice: string;
  readonly tuning?: TtsVoiceTuning;
  /** Why the request's voice was not used, if it was not. */
  readonly fallback?: 'unknown-provider' | 'unknown-voice';
}

/**
 * The engine and voice a request gets: the agent's `voice.provider` when this worker runs it. A voice
 * or provider this worker cannot speak falls back to a default voice rather than failing: a caller
 * hears the agent in another voice instead of silence.
 */
export function chooseVoice(requested: VoiceSettings, engines: Pick<TtsEngines, 'get' | 'fallback'>): VoiceChoice {
  const provider = engines.get(requested.provider);
  if (!provider) return { provider: engines.fallback, voice: engines.fallback.defaultVoice, fallback: 'unknown-provider' };
  const { provider: _name, voiceId, ...tuning } = requested;
  const withTuning = Object.keys(tuning).length > 0 ? { tuning } : {};
  if (voiceId === DEFAULT_VOICE_ID) return { provider, voice: provider.defaultVoice, ...withTuning };
  if (!provider.anyVoice && !provider.voices.includes(voiceId)) {
    return { provider, voice: provider.defaultVoice, fallback: 'unknown-voice' };
  }
  return { provider, voice: voiceId, ...withTuning };
}
