import type { TranscriptMessage } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import type { CallLatencyMeter } from './call-latency';
import { endsMidPhrase } from './mid-phrase';
import type { SttLink } from './stt-link';
import type { TurnDetector } from './turn-detector';

/** What the call does with the caller's turns. */
export interface CallerTurnHandlers {
  /** The agent's own turn is under way (thinking or speaking). */
  agentTurnActive(): boolean;
  /** A reply may be prepared now (the call goes on, turns are left). */
  mayPrepare(): boolean;
  interim(text: string): void;
  /** The caller's turn is over: answer it now. */
  turn(text: string): void;
  /** The caller paused: prepare the reply to `text`, silent until `confirm` or `discard`. */
  prepare(text: string): void;
  /** The end of turn confirmed the prepared reply: play it. */
  confirm(): void;
  /** The prepared reply answers words the caller has not finished: drop it. */
  discard(): void;
}

export interface CallerTurnsDeps {
  readonly stt: Pick<SttLink, 'flush' | 'reopen'>;
  readonly detector: TurnDetector;
  readonly latency: Pick<CallLatencyMeter, 'speechEnded' | 'finalTranscript'>;
  readonly sttFinalTimeoutMs: number;
  readonly log: Logger;
}

/**
 * A reply prepared on the caller's pause: the flush that asked for the caller's words and, once
 * its final came, those words (a reply to them is being prepared).
 */
interface Speculation {
  readonly flushId: string;
  text?: string;
  /** The end of turn came before the final: answer as soon as it arrives. */
  confirmed: boolean;
}

/**
 * The caller's side of turn-taking: when to ask the STT session for its final words (a flush),
 * which final answers which turn, and the speculative reply. On a pause of the caller the words
 * so far are flushed and a reply prepared; the end of turn plays it at once, and voice before
 * then voids it (its words stay part of the turn). Without a pause, the end of turn flushes.
 */
export class CallerTurns {
  private flushes = 0;
  /** The flush whose answer ends the caller's turn; answers to any other flush are dropped. */
  private awaitedFlush: string | undefined;
  private finalTimer: NodeJS.Timeout | undefined;
  /** Finals the STT worker closed by itself since the last flush answer: part of the turn. */
  private unflushedText: string[] = [];
  private speculation: Speculation | undefined;
  /** The flush of a voided speculation: the words of its final still belong to the turn. */
  private voidedFlush: string | undefined;

  constructor(
    private readonly deps: CallerTurnsDeps,
    private readonly handlers: CallerTurnHandlers,
  ) {}

  /** Voice again: whatever was prepared on the last pause is void. */
  onVoice(): void {
    this.voidSpeculation();
  }

  /** The caller paused while the agent was silent: flush now and prepare the reply. */
  onPause(): void {
    if (this.handlers.agentTurnActive() || !this.handlers.mayPrepare()) return;
    const flushId = this.flush();
    this.awaitFinal(flushId, this.deps.detector.silenceMs);
    this.speculation = { flushId, confirmed: false };
  }

  onEndOfTurn(): void {
    const speculation = this.speculation;
    if (speculation?.text !== undefined) {
      this.speculation = undefined;
      return this.handlers.confirm();
    }
    if (speculation) {
      speculation.confirmed = true;
      return;
    }
    const flushId = this.flush();
    // A short sound while the agent speaks ("mhm", a cough) is no turn: its answer is dropped.
    if (this.handlers.agentTurnActive() && !this.deps.detector.utteranceSustained) return;
    this.awaitFinal(flushId, this.deps.detector.quietMs);
  }

  onTranscript(message: TranscriptMessage): void {
    const text = message.text.trim();
    if (text) this.deps.detector.callerMidPhrase = endsMidPhrase(text);
    if (message.kind === 'interim') {
      if (text) this.handlers.interim(text);
      return;
    }
    if (message.turnId === undefined) {
      if (!text) return;
      // More words after those the prepared reply answers: it answers too little.
      if (this.speculation?.text !== undefined) this.voidSpeculation();
      this.unflushedText.push(text);
      return;
    }
    const turnText = [...this.unflushedText, text].join(' ').trim();
    this.unflushedText = message.turnId === this.voidedFlush && turnText ? [turnText] : [];
    if (message.turnId !== this.awaitedFlush) return;
    this.awaitedFlush = undefined;
    clearTimeout(this.finalTimer);
    this.deps.latency.finalTranscript();
    const speculation = this.speculation;
    if (speculation?.flushId === message.turnId && !speculation.confirmed && turnText) {
      speculation.text = turnText;
      return this.handlers.prepare(turnText);
    }
    this.speculation = undefined;
    if (turnText) this.handlers.turn(turnText);
  }

  /** Drops the prepared reply (voice, another kind of turn, the end of the call). */
  voidSpeculation(): void {
    const speculation = this.speculation;
    if (!speculation) return;
    this.speculation = undefined;
    if (speculation.text !== undefined) {
      this.handlers.discard();
      this.unflushedText.unshift(speculation.text);
    } else if (this.awaitedFlush === speculation.flushId) {
      this.awaitedFlush = undefined;
      this.voidedFlush = speculation.flushId;
      clearTimeout(this.finalTimer);
    }
  }

  stop(): void {
    clearTimeout(this.finalTimer);
    this.voidSpeculation();
  }

  private flush(): string {
    const flushId = `f${++this.flushes}`;
    this.deps.stt.flush(flushId);
    return flushId;
  }

  private awaitFinal(flushId: string, quietMs: number): void {
    this.deps.latency.speechEnded(quietMs);
    this.awaitedFlush = flushId;
    clearTimeout(this.finalTimer);
    this.finalTimer = setTimeout(() => this.onFinalMissing(), this.deps.sttFinalTimeoutMs);
  }

  private onFinalMissing(): void {
    this.awaitedFlush = undefined;
    this.speculation = undefined;
    this.deps.log.warn({}, 'no final transcript after flush; replacing the stt session');
    this.deps.stt.reopen();
  }
}
