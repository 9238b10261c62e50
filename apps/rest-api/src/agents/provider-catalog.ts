/**
 * Provider names an agent may choose, per stage. The first of each list works offline and is the
 * default; the others are the cloud adapters (DESIGN "Embedded defaults"), accepted now so an
 * agent can be configured before its adapter is deployed.
 */
export const PROVIDERS = {
  stt: ['pocketsphinx', 'deepgram'],
  llm: ['local', 'openai'],
  tts: ['flite', 'elevenlabs'],
} as const;

export type SttProvider = (typeof PROVIDERS.stt)[number];
export type LlmProvider = (typeof PROVIDERS.llm)[number];
export type TtsProvider = (typeof PROVIDERS.tts)[number];
