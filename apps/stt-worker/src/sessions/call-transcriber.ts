import { decodePcm16, FRAME_SAMPLES } from '@parley/audio';
import type { Bus, BusSubscription } from '@parley/bus';
import { type AudioFrameHeaders, type ControlMessage, type TranscriptMessage, voiceSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import type { SttError, SttFinal, SttInterim, SttProvider, SttSession, SttSessionListener } from '../providers/stt-provider';
import type { SttMetrics } from './stt-metrics';
import { type EndingUtterance, UtteranceTimeline } from './utterance-timeline';

export type CloseReason = 'close' | 'end' | 'idle' | 'failed' | 'shutdown';

export interface CallTranscriberOptions {
  readonly callId: string;
  /** Repeat the current interim at least this often (a liveness signal); undefined: never. */
  readonly keepaliveMs: number | undefined;
  /** Close when no audio arrived for this long. */
  readonly idleTimeoutMs: number;
  /** End the utterance when its words have not changed for this much audio; 0: never. */
  readonly endpointSilenceMs: number;
  /** The rate of the caller's audio before the gateway resampled it (8000 for a telephone call). */
  readonly sourceRate?: number;
}

export interface CallTranscriberDeps {
  readonly bus: Bus;
  readonly provider: SttProvider;
  readonly logger: Logger;
  readonly metrics: SttMetrics;
  readonly onClosed: (transcriber: CallTranscriber, reason: CloseReason) => void;
}

type Transcript = Omit<TranscriptMessage, 'seq'>;

/**
 * One call's speech recognition on this worker: the call's `audio-in` frames go to an engine session,
 * its hypotheses go out on `transcript`.
 *
 * Utterance boundaries: the gateway's VAD decides the end of the caller's turn and says so with a
 * `flush` on the call's `ctl` subject. The worker then decodes what it holds at once and answers with
 * exactly one final carrying the flush's turnId, empty when no words were heard, so the gateway never
 * waits on a turn of noise. If no flush comes, the worker ends the utterance itself once its words have
 * not changed for `endpointSilenceMs` of audio (a fallback, final without turnId).
 *
 * Failure: an engine error closes the session without publishing anything more. The gateway notices
 * the silence (no flush answer; no keepalive when it asked for them) and opens a new session, as it
 * would after this worker died.
 */
export class CallTranscriber implements SttSessionListener {
  readonly callId: string;
  private readonly session: SttSession;
  private readonly subscriptions: BusSubscription[];
  private readonly timeline = new UtteranceTimeline();
  private readonly log: Logger;
  private pcm = new Int16Array(FRAME_SAMPLES);
  private seq = 0;
  private lastAudioAt = performance.now();
  /** The frame number the gateway should send next; frames before a reopen do not count as lost. */
  private nextSeq = -1;
  private lastPublishedAt = performance.now();
  /** Latest hypothesis of the utterance being decoded, repeated by keepalives. */
  private interimText = '';
  /** The open utterance has words, and they have not changed for this much audio (ms). */
  private heardWords = false;
  private stableMs = 0;
  private failed = false;
  private publishFailed = false;
  private closing: Promise<number> | null = null;
  private released: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: CallTranscriberOptions,
    private readonly deps: CallTranscriberDeps,
  ) {
    this.callId = options.callId;
    this.log = deps.logger.child({ callId: options.callId });
    this.session = deps.provider.openSession(this, { sourceRate: options.sourceRate });
    this.subscriptions = [
      deps.bus.subscribeAudio(voiceSubjects.audioIn(this.callId), this.onAudio),
      deps.bus.subscribe(voiceSubjects.control(this.callId), this.onControl),
    ];
  }

  get isClosing(): boolean {
    return this.closing !== null;
  }

  /** Stops listening and publishes the last final; resolves with the audio received, in ms. */
  close(reason: CloseReason): Promise<number> {
    this.closing ??= this.shutDown(reason);
    return this.closing;
  }

  /** Settles once the engine session is freed, after `close()`. */
  async closed(): Promise<void> {
    await this.closing;
    await this.released;
  }

  /** Called periodically by the registry: idle timeout and keepalive. */
  tick(now: number): void {
    if (this.closing) return;
    if (now - this.lastAudioAt >= this.options.idleTimeoutMs) {
      this.log.warn({ idle_ms: Math.round(now - this.lastAudioAt) }, 'stt session idle, closing it');
      void this.close('idle');
    } else if (this.options.keepaliveMs && now - this.lastPublishedAt >= this.options.keepaliveMs) {
      const startMs = this.timeline.decodingStartMs;
      this.publish({ kind: 'interim', text: this.interimText, startMs, endMs: this.timeline.audioMs });
    }
  }

  onInterim(interim: SttInterim): void {
    const startMs = this.timeline.decodingStartMs;
    if (!this.timeline.decoding) {
      this.heardWords = true;
      this.stableMs = 0;
    }
    this.interimText = interim.text;
    this.publish({ kind: 'interim', text: interim.text, startMs, endMs: startMs + interim.audioMs });
  }

  onFinal(final: SttFinal): void {
    const utterance = this.timeline.decoding;
    const startMs = this.timeline.decodingStartMs;
    if (utterance) utterance.answered = true;
    this.interimText = '';
    this.publish({
      kind: 'final',
      text: final.text,
      startMs: startMs + final.speechStartMs,
      endMs: startMs + final.speechEndMs,
      turnId: utterance?.turnId,
    });
    if (utterance?.mustAnswer) this.observeFinalize(utterance);
    if (final.processingMs !== undefined && final.audioMs > 0) {
      this.deps.metrics.realTimeFactor.observe(final.processingMs / final.audioMs);
    }
  }

  onError(error: SttError): void {
    this.failed = true;
    this.log.error({ err: error, kind: error.kind, retryable: error.retryable }, 'stt session failed, closing it');
    void this.close('failed');
  }

  private readonly onAudio = (frame: Uint8Array, headers: Readonly<AudioFrameHeaders>): void => {
    if (this.closing) return;
    if (this.nextSeq >= 0 && headers.seq > this.nextSeq) this.deps.metrics.framesLost.inc(headers.seq - this.nextSeq);
    this.nextSeq = headers.seq + 1;
    const count = frame.byteLength / 2;
    if (count > this.pcm.length) this.pcm = new Int16Array(count);
    decodePcm16(frame, this.pcm);
    this.session.write(count === this.pcm.length ? this.pcm : this.pcm.subarray(0, count));
    this.timeline.write(count);
    this.lastAudioAt = performance.now();
    if (headers.last) void this.endUtterance(undefined, false);
    else this.checkEndpoint(count / 16);
  };

  private readonly onControl = (message: ControlMessage): void => {
    if (message.type === 'flush' && !this.closing) void this.endUtterance(message.turnId, true);
    else if (message.type === 'end') void this.close('end');
    // `interrupt` concerns the agent's speech; the caller's keeps being transcribed.
  };

  private checkEndpoint(frameMs: number): void {
    if (!this.options.endpointSilenceMs || !this.heardWords) return;
    this.stableMs += frameMs;
    if (this.stableMs >= this.options.endpointSilenceMs) void this.endUtterance(undefined, false);
  }

  /** Cuts the open utterance; a flush's cut is answered with a final even when no words were heard. */
  private async endUtterance(turnId: string | undefined, mustAnswer: boolean): Promise<void> {
    const utterance = this.timeline.end(turnId, mustAnswer);
    this.heardWords = false;
    this.stableMs = 0;
    try {
      await this.session.endUtterance();
    } catch {
      // The session failed or closed meanwhile: onError has reported it, and nothing is owed.
      this.timeline.settle();
      return;
    }
    this.timeline.settle();
    if (utterance.mustAnswer && !utterance.answered) this.answerWithoutWords(utterance);
  }

  private answerWithoutWords(utterance: EndingUtterance): void {
    const { startMs, endMs, turnId } = utterance;
    this.interimText = '';
    this.publish({ kind: 'final', text: '', startMs, endMs, turnId });
    this.observeFinalize(utterance);
  }

  private observeFinalize(utterance: EndingUtterance): void {
    this.deps.metrics.finalizeLatency.observe((performance.now() - utterance.requestedAt) / 1000);
  }

  /** The bus only refuses once its connection is closed for good, so one log line per session says it. */
  private publish(transcript: Transcript): void {
    this.lastPublishedAt = performance.now();
    try {
      this.deps.bus.publish(voiceSubjects.transcript(this.callId), { ...transcript, seq: this.seq++ });
    } catch (err) {
      if (!this.publishFailed) this.log.error({ err, kind: transcript.kind }, 'transcript not published');
      this.publishFailed = true;
    }
  }

  /**
   * Answers once the last final is out; the engine session is freed after that, because freeing may
   * wait for a decoder still being built. The registry counts the session until `released` settles.
   */
  private async shutDown(reason: CloseReason): Promise<number> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    // Ends are decoded in order, so once this one settles every flush before it has been answered,
    // and the audio since the last one has its final.
    if (!this.failed && this.timeline.hasUnsettledAudio) await this.endUtterance(undefined, false);
    this.released = this.release(reason);
    return this.timeline.audioMs;
  }

  private async release(reason: CloseReason): Promise<void> {
    try {
      await this.session.close();
    } finally {
      this.log.info({ reason, audio_ms: this.timeline.audioMs, transcripts: this.seq }, 'stt session closed');
      this.deps.onClosed(this, reason);
    }
  }
}
