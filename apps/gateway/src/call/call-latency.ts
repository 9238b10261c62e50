import { performance } from 'node:perf_hooks';
import type { CallLatency } from '@parley/contracts';
import { LatencySamples } from './latency-stats';

/**
 * Per-stage latency of one call, measured on the monotonic clock. "End of speech" is when
 * the caller actually fell silent: the end of turn is detected only after the endpointing
 * quiet, so that is subtracted (the figures are what the caller perceives).
 */
export class CallLatencyMeter {
  private readonly stt = new LatencySamples();
  private readonly llm = new LatencySamples();
  private readonly tts = new LatencySamples();
  private readonly voiceToVoice = new LatencySamples();
  private speechEndedAt: number | undefined;
  private awaitingFirstAudio = false;

  /** `onVoiceToVoice` sees each voice-to-voice figure as it happens (for live metrics). */
  constructor(private readonly onVoiceToVoice?: (ms: number) => void) {}

  /** The turn ended after `quietMs` of caller silence. */
  speechEnded(quietMs: number): void {
    this.speechEndedAt = performance.now() - quietMs;
  }

  finalTranscript(): void {
    if (this.speechEndedAt !== undefined) this.stt.add(performance.now() - this.speechEndedAt);
    this.awaitingFirstAudio = this.speechEndedAt !== undefined;
  }

  llmFirstSentence(requestedAt: number): void {
    this.llm.add(performance.now() - requestedAt);
  }

  ttsFirstAudio(sentAt: number): void {
    this.tts.add(performance.now() - sentAt);
  }

  /** The first frame of the reply to the caller's last turn went out. */
  agentAudioStarted(): void {
    if (!this.awaitingFirstAudio || this.speechEndedAt === undefined) return;
    const ms = performance.now() - this.speechEndedAt;
    this.voiceToVoice.add(ms);
    this.onVoiceToVoice?.(ms);
    this.awaitingFirstAudio = false;
  }

  summary(): CallLatency {
    return {
      sttMs: this.stt.stats(),
      llmFirstSentenceMs: this.llm.stats(),
      ttsFirstAudioMs: this.tts.stats(),
      voiceToVoiceMs: this.voiceToVoice.stats(),
    };
  }
}
