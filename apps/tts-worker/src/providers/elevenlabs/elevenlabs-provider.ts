import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import { TTS_SAMPLE_RATE, TtsError, type TtsProvider, type TtsSynthesisOptions, type TtsVoiceTuning } from '../tts-provider';
import { toTtsError } from './elevenlabs-errors';
import { pcmSamples } from './pcm-bytes';
import { Watchdog, bodyChunks } from './stream-reading';

export interface ElevenLabsProviderOptions {
  readonly apiKey: string;
  /** `https://api.elevenlabs.io` by default; a proxy's or a test server's otherwise. */
  readonly baseUrl?: string;
  /** `model_id` when the agent names none. */
  readonly model: string;
  /** Voice id spoken when the agent names none (or the placeholder `default`). */
  readonly defaultVoice: string;
  /** Longest wait for the first audio, and between two chunks, before the stream fails as a timeout. */
  readonly timeoutMs: number;
}

const SAMPLES_PER_MS = TTS_SAMPLE_RATE / 1000;
/** The voice id an agent has when it chose none. */
const PLACEHOLDER_VOICE = 'default';
const TIMED_OUT = 'elevenlabs-timeout';

/**
 * ElevenLabs streaming text-to-speech through the official SDK: `POST /v1/text-to-speech/{voice}/stream`
 * with `output_format=pcm_16000`, so the audio arrives as raw 16 kHz PCM16 that plays without decoding.
 * One HTTP stream per sentence; no SDK retries (a late sentence is worse than a skipped one, and the
 * gateway decides). Aborting the signal cancels the request and ends the stream quietly.
 */
export class ElevenLabsProvider implements TtsProvider {
  readonly name = 'elevenlabs';
  readonly sampleRate = TTS_SAMPLE_RATE;
  readonly voices: readonly string[] = [];
  readonly anyVoice = true;
  readonly defaultVoice: string;
  private readonly client: ElevenLabsClient;
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: ElevenLabsProviderOptions) {
    this.defaultVoice = options.defaultVoice;
    this.client = new ElevenLabsClient({ apiKey: options.apiKey, maxRetries: 0, ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}) });
  }

  async load(): Promise<void> {
    if (!this.options.apiKey) throw new TtsError('config', 'ELEVENLABS_API_KEY is not set');
  }

  synthesize(text: string, options: TtsSynthesisOptions = {}): AsyncIterable<Int16Array> {
    return this.stream(text, options);
  }

  /** Cancels the streams still open; the worker has drained its sentences before it closes the provider. */
  async close(): Promise<void> {
    this.closed = true;
    for (const controller of this.inFlight) controller.abort();
  }

  private async *stream(text: string, options: TtsSynthesisOptions): AsyncGenerator<Int16Array> {
    if (this.closed) throw new TtsError('closed', 'the elevenlabs provider is closed');
    const { signal } = options;
    if (signal?.aborted) return;
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal?.addEventListener('abort', stop, { once: true });
    const watchdog = new Watchdog(this.options.timeoutMs, () => controller.abort(TIMED_OUT));
    this.inFlight.add(controller);
    let samples = 0;
    let answered = false;
    try {
      const body = await this.request(text, options, controller.signal);
      answered = true;
      for await (const chunk of pcmSamples(bodyChunks(body, () => watchdog.reset()))) {
        if (signal?.aborted) return;
        samples += chunk.length;
        yield chunk;
      }
    } catch (err) {
      if (signal?.aborted) return;
      throw toTtsError(err, controller.signal.reason === TIMED_OUT);
    } finally {
      watchdog.stop();
      signal?.removeEventListener('abort', stop);
      controller.abort();
      this.inFlight.delete(controller);
      if (answered) options.onUsage?.({ characters: text.length, audioMs: samples / SAMPLES_PER_MS });
    }
  }

  private request(text: string, options: TtsSynthesisOptions, abortSignal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const voice = !options.voice || options.voice === PLACEHOLDER_VOICE ? this.defaultVoice : options.voice;
    const tuning = options.tuning ?? {};
    const settings = voiceSettings(tuning);
    return this.client.textToSpeech.stream(
      voice,
      { text, modelId: tuning.model ?? this.options.model, outputFormat: 'pcm_16000', ...(settings ? { voiceSettings: settings } : {}) },
      // The SDK's own header timeout matches ours: its timer outlives an aborted request, so it must be short.
      { abortSignal, maxRetries: 0, timeoutInSeconds: this.options.timeoutMs / 1000 },
    );
  }
}

/** Only the settings the agent set: ElevenLabs keeps the voice's stored values for the rest. */
function voiceSettings(tuning: TtsVoiceTuning) {
  const settings = {
    stability: tuning.stability,
    similarityBoost: tuning.similarityBoost,
    style: tuning.style,
    useSpeakerBoost: tuning.useSpeakerBoost,
    speed: tuning.speed,
  };
  const set = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  return Object.keys(set).length > 0 ? set : undefined;
}
