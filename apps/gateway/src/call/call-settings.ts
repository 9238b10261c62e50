import type { VadKind } from '../vad';
import type { RecordingSink } from './recording-sink';

/**
 * Timing of the conversation loop. Defaults suit a phone line; tests shorten them. They are
 * not per agent: `agent.limits` carries what an agent may change.
 */
export interface CallSettings {
  /** Caller silence after speech that ends a turn (VAD hangover included). */
  readonly endpointingMs: number;
  /** The longer silence that ends it when the caller's words so far end mid-phrase ("... and um"). */
  readonly endpointingMidPhraseMs: number;
  /** Caller silence from which the reply is prepared and held (0: not before the end of turn). */
  readonly speculativeReplyMs: number;
  /** Caller speech must last this long to interrupt the agent, so "mhm" and clicks do not. */
  readonly bargeInMinMs: number;
  /** A reply whose first sentence takes longer is abandoned for the fallback phrase. */
  readonly llmFirstSentenceTimeoutMs: number;
  /** After `flush`, the final transcript must come within this, or the STT session is replaced. */
  readonly sttFinalTimeoutMs: number;
  /**
   * Keepalive asked of the STT session; three missed in a row mean the session is gone, so a
   * dead worker's calls move to another within a second.
   */
  readonly sttKeepaliveMs: number;
  /** Timeout of each RPC (session open, reply, synthesize): they only accept work. */
  readonly rpcTimeoutMs: number;
  /** Caller frames larger than this close the socket with 1009. */
  readonly maxClientFrameBytes: number;
  /** Spoken when the LLM does not answer in time. */
  readonly fallbackPhrase: string;
  /** Where stereo WAV recordings go (`<callId>.wav`: a directory or a bucket); no call is recorded when unset. */
  readonly recordings?: RecordingSink;
  /** Silero (the energy VAD if its model cannot load) or the energy VAD outright. */
  readonly vad: VadKind;
}

export const CALL_SETTINGS = Symbol('parley:call-settings');
/** The `VadFactory` every call of the process uses (one loaded model). */
export const CALL_VADS = Symbol('parley:call-vads');

export const DEFAULT_CALL_SETTINGS: CallSettings = Object.freeze({
  endpointingMs: 350,
  endpointingMidPhraseMs: 900,
  speculativeReplyMs: 200,
  bargeInMinMs: 300,
  llmFirstSentenceTimeoutMs: 5_000,
  sttFinalTimeoutMs: 3_000,
  sttKeepaliveMs: 250,
  rpcTimeoutMs: 2_000,
  maxClientFrameBytes: 64 * 1024,
  fallbackPhrase: 'Sorry, give me a moment.',
  vad: 'silero',
});
