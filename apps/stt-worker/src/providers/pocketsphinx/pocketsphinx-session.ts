import { STT_SAMPLE_RATE, SttError, SttFinal, SttSession, SttSessionListener } from '../stt-provider';
import { DecoderPool } from './decoder-pool';
import { PcmBacklog } from './pcm-backlog';
import { PocketsphinxDecoder } from './pocketsphinx-decoder';
import { TelephoneBand } from './telephone-band';

const SAMPLES_PER_MS = STT_SAMPLE_RATE / 1000;

export interface PocketsphinxSessionTuning {
  readonly interimIntervalMs: number;
  /** Audio the session may hold while the engine catches up; beyond it the session fails as overloaded. */
  readonly maxBacklogMs: number;
  /** The audio was 8 kHz telephone audio: fold its band up for the wideband model (see TelephoneBand). */
  readonly telephone: boolean;
}

interface PendingEnd {
  /** Sample count written before `endUtterance()`: the utterance ends there. */
  readonly at: number;
  readonly requestedAt: number;
  readonly resolve: () => void;
  readonly reject: (error: SttError) => void;
}

/** Samples handed to one `ps_process_raw` call: one second bounds the latency an end request can wait behind. */
const MAX_BATCH_SAMPLES = STT_SAMPLE_RATE;

/**
 * One call's audio stream through a pooled decoder. Engine calls run on koffi's worker threads, one at a
 * time per session; frames that arrive meanwhile wait in the backlog and go in together, so a slow
 * moment costs one bigger batch rather than a queue of calls.
 */
export class PocketsphinxSession implements SttSession {
  private decoder: PocketsphinxDecoder | null = null;
  private readonly acquiring: Promise<void>;
  private readonly backlog: PcmBacklog;
  private readonly batch = new Int16Array(MAX_BATCH_SAMPLES);
  private readonly band: TelephoneBand | undefined;
  private readonly ends: PendingEnd[] = [];
  private written = 0;
  private consumed = 0;
  private batchSamples = 0;
  private busy = false;
  private whenIdle: (() => void) | null = null;
  private inUtterance = false;
  /** Samples the stream had received when the current utterance began: word timings are stream-wide. */
  private utteranceStart = 0;
  private utteranceSamples = 0;
  private lastInterimText = '';
  private lastInterimSamples = 0;
  /** When the engine call in flight started, and the engine time the utterance has used so far. */
  private callStartedAt = 0;
  private utteranceProcessingMs = 0;
  private failure: SttError | null = null;
  private closing: Promise<void> | null = null;

  constructor(
    private readonly pool: DecoderPool<PocketsphinxDecoder>,
    private readonly listener: SttSessionListener,
    private readonly tuning: PocketsphinxSessionTuning,
    private readonly onClosed: (session: PocketsphinxSession) => void,
  ) {
    const maxBacklog = tuning.maxBacklogMs * SAMPLES_PER_MS;
    this.backlog = new PcmBacklog(Math.min(MAX_BATCH_SAMPLES, maxBacklog), maxBacklog);
    this.band = tuning.telephone ? new TelephoneBand() : undefined;
    this.acquiring = pool.acquire().then(
      (decoder) => this.attach(decoder),
      (error: unknown) => this.fail(asSttError(error, 'no speech decoder is available')),
    );
  }

  write(frame: Int16Array): void {
    if (this.closing || this.failure) return;
    if (!this.backlog.append(this.band ? this.band.fold(frame) : frame)) {
      this.fail(new SttError('overloaded', `speech recognition fell more than ${this.tuning.maxBacklogMs} ms behind`));
      return;
    }
    this.written += frame.length;
    this.pump();
  }

  endUtterance(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closing) return Promise.reject(new SttError('closed', 'the speech session is closed'));
    return new Promise((resolve, reject) => {
      this.ends.push({ at: this.written, requestedAt: performance.now(), resolve, reject });
      this.pump();
    });
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown().finally(() => this.onClosed(this));
    return this.closing;
  }

  private attach(decoder: PocketsphinxDecoder): void {
    this.decoder = decoder;
    try {
      decoder.startStream();
    } catch (error) {
      this.fail(asSttError(error, 'pocketsphinx could not start a stream'));
      return;
    }
    this.pump();
  }

  /** Starts the next engine call if none is running: audio first, then a pending end. */
  private pump(): void {
    if (this.busy || !this.decoder || this.failure || this.closing) return;
    const end = this.ends[0];
    const room = end ? end.at - this.consumed : Number.POSITIVE_INFINITY;
    if (room > 0 && this.backlog.samples > 0) this.processBatch(this.decoder, room);
    else if (end) this.finishUtterance(this.decoder, end);
  }

  private processBatch(decoder: PocketsphinxDecoder, room: number): void {
    if (!this.inUtterance) {
      try {
        decoder.startUtterance();
      } catch (error) {
        this.fail(asSttError(error, 'pocketsphinx could not start an utterance'));
        return;
      }
      this.inUtterance = true;
      this.utteranceStart = this.consumed;
      this.utteranceSamples = 0;
      this.lastInterimSamples = 0;
      this.lastInterimText = '';
      this.utteranceProcessingMs = 0;
    }
    this.batchSamples = this.backlog.take(this.batch, room);
    this.consumed += this.batchSamples;
    this.busy = true;
    this.callStartedAt = performance.now();
    decoder.process(this.batch, this.batchSamples, this.onProcessed);
  }

  private readonly onProcessed = (error: unknown, status: number): void => {
    this.settle();
    if (error || status < 0) {
      this.fail(asSttError(error, 'pocketsphinx failed to process audio'));
      return;
    }
    this.utteranceSamples += this.batchSamples;
    this.emitInterimIfDue();
    this.pump();
  };

  private emitInterimIfDue(): void {
    if (!this.decoder || this.closing) return;
    if (this.utteranceSamples - this.lastInterimSamples < this.tuning.interimIntervalMs * SAMPLES_PER_MS) return;
    const text = this.decoder.hypothesis();
    if (!text || text === this.lastInterimText) return;
    this.lastInterimText = text;
    this.lastInterimSamples = this.utteranceSamples;
    this.listener.onInterim({ text, audioMs: this.utteranceSamples / SAMPLES_PER_MS });
  }

  private finishUtterance(decoder: PocketsphinxDecoder, end: PendingEnd): void {
    if (!this.inUtterance) {
      this.ends.shift();
      end.resolve();
      this.pump();
      return;
    }
    this.busy = true;
    this.callStartedAt = performance.now();
    decoder.endUtterance(this.onEnded);
  }

  private readonly onEnded = (error: unknown, status: number): void => {
    this.settle();
    this.inUtterance = false;
    if (error || status < 0) {
      this.fail(asSttError(error, 'pocketsphinx failed to finish the utterance'));
      return;
    }
    const end = this.ends.shift();
    const final = this.decoder && !this.closing ? this.readFinal(this.decoder, end) : null;
    end?.resolve();
    this.pump();
    if (final) this.listener.onFinal(final);
  };

  private readFinal(decoder: PocketsphinxDecoder, end: PendingEnd | undefined): SttFinal | null {
    const text = decoder.hypothesis();
    if (!text) return null;
    const span = decoder.speechSpan();
    const audioMs = this.utteranceSamples / SAMPLES_PER_MS;
    const offsetMs = this.utteranceStart / SAMPLES_PER_MS;
    return {
      text,
      speechStartMs: span ? Math.max(0, span.startMs - offsetMs) : 0,
      speechEndMs: span ? Math.min(audioMs, span.endMs - offsetMs) : audioMs,
      audioMs,
      finalizeMs: end ? performance.now() - end.requestedAt : 0,
      processingMs: this.utteranceProcessingMs,
    };
  }

  private settle(): void {
    this.busy = false;
    this.utteranceProcessingMs += performance.now() - this.callStartedAt;
    const idle = this.whenIdle;
    this.whenIdle = null;
    idle?.();
  }

  private fail(error: SttError): void {
    if (this.failure || this.closing) return;
    this.failure = error;
    for (const end of this.ends.splice(0)) end.reject(error);
    this.listener.onError(error);
  }

  /** Waits for the engine call in flight, abandons the open utterance, and returns the decoder. */
  private async shutDown(): Promise<void> {
    const closed = new SttError('closed', 'the speech session closed before the utterance ended');
    for (const end of this.ends.splice(0)) end.reject(closed);
    await this.acquiring;
    const decoder = this.decoder;
    if (!decoder) return;
    if (this.busy) await new Promise<void>((resolve) => (this.whenIdle = resolve));
    if (this.inUtterance) {
      await new Promise<void>((resolve) => decoder.endUtterance(() => resolve()));
      this.inUtterance = false;
    }
    this.decoder = null;
    await this.pool.release(decoder);
  }
}

function asSttError(error: unknown, message: string): SttError {
  return error instanceof SttError ? error : new SttError('engine', message, { cause: error });
}
