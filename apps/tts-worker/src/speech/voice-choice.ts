import type { VoiceSettings } from '@parley/contracts';
import type { TtsProvider } from '../providers/tts-provider';

export interface VoiceChoice {
  readonly voice: string;
  /** Why the request's voice was not used, if it was not. */
  readonly fallback?: 'unknown-provider' | 'unknown-voice';
}

/**
 * The voice a request gets. A voice or provider this worker cannot speak falls back to its default
 * voice rather than failing: a caller hears the agent in another voice instead of silence.
 */
export function chooseVoice(requested: VoiceSettings, provider: Pick<TtsProvider, 'name' | 'voices' | 'defaultVoice'>): VoiceChoice {
  if (requested.provider !== provider.name) return { voice: provider.defaultVoice, fallback: 'unknown-provider' };
  if (!provider.voices.includes(requested.voiceId)) return { voice: provider.defaultVoice, fallback: 'unknown-voice' };
  return { voice: requested.voiceId };
}
