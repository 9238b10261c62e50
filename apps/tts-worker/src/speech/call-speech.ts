import type { Bus, BusSubscription } from '@parley/bus';
import { type ControlMessage, voiceSubjects } from '@parley/contracts';
import { type Sentence, type SpeakerDeps, speakSentence } from './sentence-speaker';

/** How long a call stays known after its last sentence, so late sentences of an interrupted turn are dropped. */
export const CALL_LINGER_MS = 30_000;

interface Turn {
  readonly controller: AbortController;
  pending: number;
}

/**
 * One call's speech on this worker. Sentences are spoken one after another in request order, so the
 * sentences of a turn come out in order (the gateway still orders by `sentenceIndex`, since a turn's
 * sentences may be spread over several workers). Each turn has an AbortController: an `interrupt` for
 * the turn, or the call's `end`, stops the sentence being spoken within one frame and drops the queued
 * ones; a turn is forgotten once its last sentence is done.
 *
 * `flush` is ignored: the gateway sends it at the end of the caller's utterance, and that must not cut
 * the agent off; only `interrupt` and `end` stop agent audio.
 */
export class CallSpeech {
  private readonly control: BusSubscription;
  private readonly turns = new Map<string, Turn>();
  private readonly interrupted = new Set<string>();
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;
  private linger: NodeJS.Timeout | null = null;
  private ended = false;
  private voiceFallbackNoted = false;

  constructor(
    readonly callId: string,
    bus: Bus,
    private readonly speaker: SpeakerDeps,
    private readonly hooks: { onIdle: (call: CallSpeech) => void; onSentenceDone: () => void },
  ) {
    this.control = bus.subscribe(voiceSubjects.control(callId), (message) => this.onControl(message));
  }

  /** Sentences accepted and not yet done. */
  get pending(): number {
    return this.queued;
  }

  /** True the first time only: the call's voice fallback is worth one log line, not one per sentence. */
  noteVoiceFallback(): boolean {
    const first = !this.voiceFallbackNoted;
    this.voiceFallbackNoted = true;
    return first;
  }

  /** Queues the sentence; false when its turn was already interrupted (nothing will be spoken). */
  enqueue(sentence: Sentence): boolean {
    if (this.ended || this.interrupted.has(sentence.turnId)) return false;
    this.cancelLinger();
    const turn = this.turnOf(sentence.turnId);
    turn.pending++;
    this.queued++;
    this.tail = this.tail
      .then(() => (turn.controller.signal.aborted ? undefined : speakSentence(sentence, turn.controller.signal, this.speaker)))
      .finally(() => this.done(sentence.turnId, turn));
    return true;
  }

  /** Settles once every sentence queued so far is done. */
  async drain(): Promise<void> {
    await this.tail;
  }

  /** Stops everything and unsubscribes; the call is forgotten. */
  dispose(): void {
    this.ended = true;
    this.cancelLinger();
    for (const turn of this.turns.values()) turn.controller.abort();
    this.control.unsubscribe();
  }

  private onControl(message: ControlMessage): void {
    if (message.type === 'interrupt') {
      this.interrupted.add(message.turnId);
      this.turns.get(message.turnId)?.controller.abort();
    } else if (message.type === 'end') {
      this.dispose();
      this.hooks.onIdle(this);
    }
  }

  private turnOf(turnId: string): Turn {
    let turn = this.turns.get(turnId);
    if (!turn) {
      turn = { controller: new AbortController(), pending: 0 };
      this.turns.set(turnId, turn);
    }
    return turn;
  }

  private done(turnId: string, turn: Turn): void {
    this.queued--;
    if (--turn.pending === 0 && this.turns.get(turnId) === turn) this.turns.delete(turnId);
    this.hooks.onSentenceDone();
    if (this.queued === 0 && !this.ended) {
      this.linger = setTimeout(() => {
        this.dispose();
        this.hooks.onIdle(this);
      }, CALL_LINGER_MS).unref();
    }
  }

  private cancelLinger(): void {
    if (this.linger) clearTimeout(this.linger);
    this.linger = null;
  }
}
