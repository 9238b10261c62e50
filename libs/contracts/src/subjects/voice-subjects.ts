import { subjectToken } from './subject-token';

export const VOICE_CHANNELS = ['audio-in', 'audio-out', 'transcript', 'reply-text', 'ctl', 'command'] as const;
export type VoiceChannel = (typeof VOICE_CHANNELS)[number];

export type VoiceSubject<C extends VoiceChannel = VoiceChannel> = `voice.v1.sess.${string}.${C}`;

function voiceSubject<C extends VoiceChannel>(callId: string, channel: C): VoiceSubject<C> {
  return `voice.v1.sess.${subjectToken(callId, true)}.${channel}`;
}

/**
 * Per-call core NATS subjects (DESIGN "NATS subjects"). Pass `ANY_TOKEN` as the call id
 * to subscribe across calls.
 */
export const voiceSubjects = {
  /** Caller audio, raw PCM16LE bytes: gateway → stt-worker. */
  audioIn: (callId: string) => voiceSubject(callId, 'audio-in'),
  /** Agent audio, raw PCM16LE bytes: tts-worker → gateway. */
  audioOut: (callId: string) => voiceSubject(callId, 'audio-out'),
  /** Interim and final transcripts: stt-worker → gateway. */
  transcript: (callId: string) => voiceSubject(callId, 'transcript'),
  /** Reply sentences: llm-worker → gateway. */
  replyText: (callId: string) => voiceSubject(callId, 'reply-text'),
  /** Interrupt, flush, end: gateway → workers. */
  control: (callId: string) => voiceSubject(callId, 'ctl'),
  /**
   * Commands to a live call (end, mute, whisper, recording ...): core request/reply answered
   * by the gateway holding the call; no responders means the call is not live.
   */
  command: (callId: string) => voiceSubject(callId, 'command'),
};

const VOICE_SUBJECT = /^voice\.v1\.sess\.([^.]+)\.([a-z-]+)$/;

/** Splits a per-call subject into its call id and channel; undefined when it is not one. */
export function parseVoiceSubject(subject: string): { callId: string; channel: VoiceChannel } | undefined {
  const match = VOICE_SUBJECT.exec(subject);
  if (!match) return undefined;
  const channel = match[2] as VoiceChannel;
  return VOICE_CHANNELS.includes(channel) ? { callId: match[1], channel } : undefined;
}
