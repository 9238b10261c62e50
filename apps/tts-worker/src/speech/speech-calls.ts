import { Inject, Injectable } from '@nestjs/common';
import { Bus, BusError } from '@parley/bus';
import type { TtsSynthesizeReply, TtsSynthesizeRequest } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import { LOGGER } from '@parley/service';
import type { TtsEngines } from '../engine/tts-engines';
import { TTS_ENGINE, TTS_SETTINGS, type TtsSettings } from '../tts-settings';
import { CallSpeech } from './call-speech';
import { startFailure, waitForStart } from './sentence-start';
import { TtsMetrics } from './tts-metrics';
import { chooseVoice } from './voice-choice';

/** The calls this worker is speaking for, and its capacity. */
@Injectable()
export class SpeechCalls {
  private readonly calls = new Map<string, CallSpeech>();
  private pending = 0;
  private stopping = false;

  constructor(
    @Inject(Bus) private readonly bus: Bus,
    @Inject(TTS_ENGINE) private readonly engines: TtsEngines,
    @Inject(TTS_SETTINGS) private readonly settings: TtsSettings,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(TtsMetrics) private readonly metrics: TtsMetrics,
  ) {}

  get size(): number {
    return this.calls.size;
  }

  /**
   * The audio follows on the call's `audio-out` subject. A sentence queued behind another is accepted at
   * once; one that starts at once is answered at its first audio (or after `startWaitMs`), so an engine
   * failing before any audio answers TTS_ERROR and the gateway skips the turn instead of waiting.
   */
  async synthesize(request: TtsSynthesizeRequest): Promise<TtsSynthesizeReply> {
    const receivedAt = performance.now();
    this.checkCapacity();
    const { callId, turnId, sentenceIndex, text } = request;
    const call = this.callOf(callId);
    const { provider, voice, tuning, fallback } = chooseVoice(request.voice, this.engines);
    // Once per call: every sentence of the call asks for the same voice.
    if (fallback && call.noteVoiceFallback()) {
      this.logger.warn({ callId, fallback, requested: request.voice, provider: provider.name, voice }, 'tts voice not available, using default');
    }
    const start = call.pending === 0 ? waitForStart(this.settings.startWaitMs) : undefined;
    const accepted = call.enqueue({ callId, turnId, sentenceIndex, text, provider, voice, tuning, receivedAt, onStart: start?.settle });
    if (!accepted) {
      this.metrics.sentences.inc({ outcome: 'dropped' });
      return { turnId, sentenceIndex, accepted: true };
    }
    this.pending++;
    const failure = await start?.settled;
    if (failure) throw new BusError('TTS_ERROR', startFailure(provider.name, failure));
    return { turnId, sentenceIndex, accepted: true };
  }

  /** Shutdown: refuse new sentences, finish the ones accepted, forget every call. */
  async drain(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.calls.values()].map((call) => call.drain()));
    for (const call of this.calls.values()) call.dispose();
    this.calls.clear();
  }

  /** TTS_ERROR is retryable: the gateway asks again and the queue group may pick another worker. */
  private checkCapacity(): void {
    const refusal = this.stopping
      ? 'this TTS worker is shutting down'
      : this.pending >= this.settings.maxPendingSentences
        ? `this TTS worker already holds ${this.pending} sentences`
        : null;
    if (!refusal) return;
    this.metrics.sentences.inc({ outcome: 'refused' });
    throw new BusError('TTS_ERROR', refusal);
  }

  private callOf(callId: string): CallSpeech {
    let call = this.calls.get(callId);
    if (!call) {
      const speaker = { bus: this.bus, metrics: this.metrics, logger: this.logger };
      call = new CallSpeech(callId, this.bus, speaker, {
        onIdle: (idle) => this.forget(idle),
        onSentenceDone: () => this.pending--,
      });
      this.calls.set(callId, call);
    }
    return call;
  }

  private forget(call: CallSpeech): void {
    if (this.calls.get(call.callId) === call) this.calls.delete(call.callId);
  }
}
