import { bytesToSamples } from '@parley/audio';
import { Bus, type BusSubscription } from '@parley/bus';
import { type ControlMessage, rpcSubjects, voiceSubjects } from '@parley/contracts';

/** What the fake workers do; a test changes it before (or during) a call. */
export interface FakeBehaviour {
  /** Final transcript the STT returns on `flush`; empty = recognise nothing. */
  finalText: string;
  /** Interim text published once per this many loud caller frames. */
  interimEveryFrames: number;
  /** Answer `flush` at all (false = a stuck STT worker). */
  sttAnswersFlush: boolean;
  /** Send the keepalive interims asked for at open (false = a session that died silently). */
  sttKeepalive: boolean;
  /** Sentences of each LLM reply; empty = the LLM never answers. */
  replySentences: string[];
  /** Set `endCall` on the final chunk. */
  endCall: boolean;
  /** A final the STT closes by itself (no turnId) after 20 loud frames, before any flush. */
  selfClosedFinal: string;
  /** Frames TTS streams per sentence. */
  framesPerSentence: number;
  /** TTS refuses every request. */
  ttsFails: boolean;
}

export const DEFAULT_BEHAVIOUR: FakeBehaviour = {
  finalText: 'what are your opening hours',
  interimEveryFrames: 10,
  sttAnswersFlush: true,
  sttKeepalive: true,
  replySentences: ['We open at nine.', 'We close at five.'],
  endCall: false,
  selfClosedFinal: '',
  framesPerSentence: 10,
  ttsFails: false,
};

/** Everything the fake workers saw, for assertions. */
export interface FakeRecord {
  sttOpens: number;
  audioInFrames: number;
  llmRequests: Array<{ turnId: string; messages: Array<{ role: string; content: string }> }>;
  ttsRequests: Array<{ turnId: string; sentenceIndex: number; text: string }>;
  control: ControlMessage[];
}

/** A loud 20 ms frame has samples far from zero; the tone the tests speak reaches ±8000. */
function isLoud(frame: Uint8Array): boolean {
  const samples = bytesToSamples(frame); // a frame may start at an odd offset of NATS's read buffer
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  return peak > 1000;
}

/**
 * Fake STT, LLM and TTS workers on the real bus, speaking the real contracts, for one call.
 * The real workers are tested by their own suites; these only play their part in a call.
 */
export class FakeWorkers {
  readonly behaviour: FakeBehaviour = { ...DEFAULT_BEHAVIOUR };
  readonly record: FakeRecord = { sttOpens: 0, audioInFrames: 0, llmRequests: [], ttsRequests: [], control: [] };
  private readonly subscriptions: BusSubscription[] = [];
  private readonly interrupted = new Set<string>();
  private keepalive: NodeJS.Timeout | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private loudFrames = 0;
  private transcriptSeq = 0;
  private audioSeq = 0;

  constructor(
    private readonly bus: Bus,
    private readonly callId: string,
  ) {}

  start(): void {
    const { bus, callId } = this;
    this.subscriptions.push(
      bus.serve(rpcSubjects.sttSessionOpen, (request) => {
        this.record.sttOpens++;
        this.startKeepalive(request.keepaliveMs);
        return { callId: request.callId, workerId: `fake-stt-${this.record.sttOpens}`, provider: 'fake' };
      }),
      bus.serve(rpcSubjects.sttSessionClose, (request) => ({ callId: request.callId, closed: true, audioMs: 0 })),
      bus.subscribeAudio(voiceSubjects.audioIn(callId), (frame) => this.onCallerFrame(frame)),
      bus.subscribe(voiceSubjects.control(callId), (message) => this.onControl(message)),
      bus.serve(rpcSubjects.llmReply, (request) => {
        this.record.llmRequests.push({ turnId: request.turnId, messages: request.messages });
        this.later(() => this.reply(request.turnId), 30);
        return { turnId: request.turnId, accepted: true };
      }),
      bus.serve(rpcSubjects.ttsSynthesize, (request) => {
        if (this.behaviour.ttsFails) throw new Error('voice unavailable');
        const { turnId, sentenceIndex, text } = request;
        this.record.ttsRequests.push({ turnId, sentenceIndex, text });
        this.later(() => this.synthesize(request.turnId, request.sentenceIndex), 10);
        return { turnId: request.turnId, sentenceIndex: request.sentenceIndex, accepted: true };
      }),
    );
  }

  /** Nothing of this call's fakes runs after this: no late reply can hit a drained bus. */
  stop(): void {
    clearInterval(this.keepalive);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  private later(work: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work();
    }, ms);
    this.timers.add(timer);
  }

  private onCallerFrame(frame: Uint8Array): void {
    this.record.audioInFrames++;
    if (!isLoud(frame)) return;
    this.loudFrames++;
    const selfClosed = this.behaviour.selfClosedFinal;
    if (this.loudFrames === 20 && selfClosed) this.transcript('final', selfClosed);
    if (this.loudFrames % this.behaviour.interimEveryFrames === 0) this.transcript('interim', 'what are');
  }

  private onControl(message: ControlMessage): void {
    this.record.control.push(message);
    if (message.type === 'interrupt') this.interrupted.add(message.turnId);
    if (message.type === 'flush' && this.behaviour.sttAnswersFlush) {
      this.transcript('final', this.behaviour.finalText, message.turnId);
    }
  }

  private startKeepalive(intervalMs: number | undefined): void {
    clearInterval(this.keepalive);
    if (!intervalMs) return;
    this.keepalive = setInterval(() => {
      if (this.behaviour.sttKeepalive) this.transcript('interim', '');
    }, intervalMs);
  }

  private transcript(kind: 'interim' | 'final', text: string, turnId?: string): void {
    const endMs = this.record.audioInFrames * 20;
    const seq = this.transcriptSeq++;
    const flush = turnId === undefined ? {} : { turnId };
    this.bus.publish(voiceSubjects.transcript(this.callId), { kind, text, startMs: 0, endMs, seq, ...flush });
  }

  private reply(turnId: string): void {
    const sentences = this.behaviour.replySentences;
    sentences.forEach((text, sentenceIndex) => {
      const final = sentenceIndex === sentences.length - 1;
      const endCall = final && this.behaviour.endCall ? { endCall: true } : {};
      this.bus.publish(voiceSubjects.replyText(this.callId), { turnId, sentenceIndex, text, final, ...endCall });
    });
  }

  /** Streams the sentence faster than real time, as the real TTS does, unless interrupted. */
  private synthesize(turnId: string, sentenceIndex: number): void {
    const count = this.behaviour.framesPerSentence;
    for (let i = 0; i < count && !this.interrupted.has(turnId); i++) {
      const frame = new Uint8Array(640).fill((sentenceIndex + 1) * 10 + (i % 10));
      const headers = { seq: this.audioSeq++, turnId, sentenceIndex, last: i === count - 1 };
      this.bus.publishAudio(voiceSubjects.audioOut(this.callId), frame, headers);
    }
  }
}
