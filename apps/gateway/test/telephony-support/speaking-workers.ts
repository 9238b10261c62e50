import { bytesToSamples, FRAME_SAMPLES, samplesToBytes } from '@parley/audio';
import type { Bus, BusSubscription } from '@parley/bus';
import { type ControlMessage, rpcSubjects, type SttSessionOpenRequest, voiceSubjects } from '@parley/contracts';
import { speechFromText } from '@parley/testing';

export interface LlmTurn {
  readonly callId: string;
  readonly turnId: string;
  readonly messages: ReadonlyArray<{ readonly role: string; readonly content: string }>;
}

/** What the fakes do; a spec changes it between turns. */
export interface SpeakingBehaviour {
  /** The final the STT gives for each flush (the recogniser is not under test here). */
  finalText: string;
  /** The LLM's reply sentences for a turn. */
  reply: (turn: LlmTurn) => string[];
}

/** flite's `rms` voice: pocketsphinx reads it well through the telephone band (`slt` less so). */
export const PHONE_VOICE = 'rms';

/**
 * STT, LLM and TTS workers on the bus for carrier-call specs, speaking real contracts. The TTS
 * speaks with flite, so what comes back to the caller is speech a recogniser can check; the STT
 * keeps every caller frame the gateway forwarded (16 kHz, after the carrier's codec), so a spec
 * can check that too.
 */
export class SpeakingWorkers {
  readonly behaviour: SpeakingBehaviour = { finalText: 'hello', reply: () => ['Okay.'] };
  readonly llmTurns: LlmTurn[] = [];
  /** Every STT session the gateway asked for, as asked. */
  readonly sttRequests: SttSessionOpenRequest[] = [];
  /** Caller audio each call's STT session received. */
  readonly callerAudio = new Map<string, Int16Array[]>();
  private readonly subscriptions: BusSubscription[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  /** After `stop`, nothing more is published: the spec may be closing the bus. */
  private stopped = false;
  private readonly speech = new Map<string, Promise<Int16Array>>();
  private seq = 0;

  constructor(private readonly bus: Bus) {}

  start(): void {
    const { bus } = this;
    this.subscriptions.push(
      bus.serve(rpcSubjects.sttSessionOpen, (request) => {
        this.sttRequests.push(request);
        this.openStt(request.callId, request.keepaliveMs);
        return { callId: request.callId, workerId: 'fake-stt', provider: 'fake' };
      }),
      bus.serve(rpcSubjects.sttSessionClose, (request) => ({ callId: request.callId, closed: true, audioMs: 0 })),
      bus.serve(rpcSubjects.llmReply, (request) => {
        const turn = { callId: request.callId, turnId: request.turnId, messages: request.messages };
        this.llmTurns.push(turn);
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.reply(turn);
        }, 20);
        this.timers.add(timer);
        return { turnId: request.turnId, accepted: true };
      }),
      bus.serve(rpcSubjects.ttsSynthesize, (request) => {
        void this.synthesize(request.callId, request.turnId, request.sentenceIndex, request.text);
        return { turnId: request.turnId, sentenceIndex: request.sentenceIndex, accepted: true };
      }),
    );
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer); // clears intervals as well
    this.timers.clear();
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  /** The user lines the LLM was asked to answer, in order. */
  userTurns(callId: string): string[] {
    const lastUserLine = (turn: LlmTurn) => turn.messages.filter((message) => message.role === 'user').at(-1)?.content;
    return this.llmTurns.filter((turn) => turn.callId === callId).map((turn) => lastUserLine(turn) ?? '');
  }

  private openStt(callId: string, keepaliveMs: number | undefined): void {
    if (this.callerAudio.has(callId)) return;
    const frames: Int16Array[] = [];
    this.callerAudio.set(callId, frames);
    let transcriptSeq = 0;
    const transcript = (kind: 'interim' | 'final', text: string, turnId?: string) =>
      this.bus.publish(voiceSubjects.transcript(callId), {
        kind,
        text,
        startMs: 0,
        endMs: frames.length * 20,
        seq: transcriptSeq++,
        ...(turnId === undefined ? {} : { turnId }),
      });
    this.subscriptions.push(
      this.bus.subscribeAudio(voiceSubjects.audioIn(callId), (frame) => {
        frames.push(bytesToSamples(frame).slice()); // a frame may start at an odd offset of NATS's read buffer
      }),
      this.bus.subscribe(voiceSubjects.control(callId), (message: ControlMessage) => {
        if (message.type === 'flush') transcript('final', this.behaviour.finalText, message.turnId);
      }),
    );
    if (keepaliveMs) this.timers.add(setInterval(() => transcript('interim', ''), keepaliveMs));
  }

  private reply(turn: LlmTurn): void {
    if (this.stopped) return;
    const sentences = this.behaviour.reply(turn);
    sentences.forEach((text, sentenceIndex) => {
      const final = sentenceIndex === sentences.length - 1;
      this.bus.publish(voiceSubjects.replyText(turn.callId), { turnId: turn.turnId, sentenceIndex, text, final });
    });
  }

  /** Streams the sentence's flite speech faster than real time, as the real TTS worker does. */
  private async synthesize(callId: string, turnId: string, sentenceIndex: number, text: string): Promise<void> {
    let speech = this.speech.get(text);
    if (!speech) this.speech.set(text, (speech = speechFromText(text, PHONE_VOICE)));
    const samples = await speech;
    if (this.stopped) return;
    const count = Math.ceil(samples.length / FRAME_SAMPLES);
    for (let i = 0; i < count; i++) {
      const frame = new Int16Array(FRAME_SAMPLES);
      frame.set(samples.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES));
      const headers = { seq: this.seq++, turnId, sentenceIndex, last: i === count - 1 };
      this.bus.publishAudio(voiceSubjects.audioOut(callId), samplesToBytes(frame), headers);
    }
  }
}
