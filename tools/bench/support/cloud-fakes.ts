import { FakeDeepgramServer, FakeElevenLabsServer, FakeOpenAiServer } from '@parley/testing';
import { DelayingWsProxy } from './delaying-ws-proxy';

/** What the fake vendors take, from the end of the caller's turn to their first useful answer. */
export interface CloudDelays {
  /** Deepgram: the final transcript this long after the gateway's `Finalize`. */
  readonly sttFinalMs: number;
  /** OpenAI: the first streamed token this long after the request... */
  readonly llmFirstTokenMs: number;
  /** ...then one word per this interval. */
  readonly llmTokenIntervalMs: number;
  /** ElevenLabs: the first audio byte this long after the request. */
  readonly ttsFirstAudioMs: number;
}

/** The agent's answer to every question: two sentences, as a support agent would say them. */
export const CLOUD_REPLY = 'We are open Monday to Friday from nine to six. Is there anything else I can help you with?';
const FIRST_SENTENCE_WORDS = CLOUD_REPLY.split('.')[0].split(' ').length;
/** Plenty of scripted answers and transcripts for a short bench; each request takes one. */
const SCRIPTED = 10_000;
export const CLOUD_KEYS = { openai: 'sk-bench-fake', deepgram: 'dg-bench-fake', elevenlabs: 'xi-bench-fake' } as const;

/** The three vendors' fakes on local ports, with the delays asked for, and the env pointing workers at them. */
export class CloudFakes {
  private constructor(
    readonly openai: FakeOpenAiServer,
    readonly deepgram: FakeDeepgramServer,
    private readonly deepgramProxy: DelayingWsProxy,
    readonly elevenlabs: FakeElevenLabsServer,
    readonly delays: CloudDelays,
  ) {}

  static async start(delays: CloudDelays, questions: readonly string[]): Promise<CloudFakes> {
    const [openai, deepgram, elevenlabs] = await Promise.all([
      FakeOpenAiServer.start({ apiKey: CLOUD_KEYS.openai }),
      FakeDeepgramServer.start({ apiKey: CLOUD_KEYS.deepgram }),
      FakeElevenLabsServer.start({ apiKey: CLOUD_KEYS.elevenlabs, firstByteDelayMs: delays.ttsFirstAudioMs }),
    ]);
    const reply = { text: CLOUD_REPLY, delayMs: delays.llmFirstTokenMs, chunkDelayMs: delays.llmTokenIntervalMs };
    openai.reply(...Array.from({ length: SCRIPTED }, () => reply));
    deepgram.say(...Array.from({ length: SCRIPTED }, (_, i) => questions[i % questions.length]));
    const proxy = await DelayingWsProxy.start(deepgram.url, delays.sttFinalMs, (text) => text.includes('"from_finalize":true'));
    return new CloudFakes(openai, deepgram, proxy, elevenlabs, delays);
  }

  /** The provider's share of each stage, as configured: the rest of a stage is the platform's. */
  get providerMs() {
    const { sttFinalMs, llmFirstTokenMs, llmTokenIntervalMs, ttsFirstAudioMs } = this.delays;
    return {
      sttFinal: sttFinalMs,
      // The first sentence is complete when its last word has streamed.
      llmFirstSentence: llmFirstTokenMs + (FIRST_SENTENCE_WORDS - 1) * llmTokenIntervalMs,
      ttsFirstAudio: ttsFirstAudioMs,
    };
  }

  /** The environment of workers that use these fakes. */
  get workerEnv(): Record<string, string> {
    return {
      STT_PROVIDER: 'deepgram',
      DEEPGRAM_API_KEY: CLOUD_KEYS.deepgram,
      DEEPGRAM_BASE_URL: this.deepgramProxy.url,
      OPENAI_API_KEY: CLOUD_KEYS.openai,
      OPENAI_BASE_URL: this.openai.baseUrl,
      ELEVENLABS_API_KEY: CLOUD_KEYS.elevenlabs,
      ELEVENLABS_BASE_URL: this.elevenlabs.baseUrl,
    };
  }

  /** Requests each fake served: proof the calls went through the cloud adapters. */
  get served() {
    return {
      openai: this.openai.requests.length,
      deepgram: this.deepgram.connections.length,
      elevenlabs: this.elevenlabs.requests.length,
    };
  }

  async close(): Promise<void> {
    await Promise.all([this.deepgramProxy.close(), this.openai.close(), this.deepgram.close(), this.elevenlabs.close()]);
  }
}
