import { Pacer, type PacerOptions } from './pacer';
import { playedText } from './played-text';

/** Where played audio and its boundaries go: the client socket (and the recorder). */
export interface PlaybackSink {
  audioStarted(): void;
  audio(frame: Uint8Array): void;
  audioEnded(): void;
}

/** What the caller heard of one agent turn. */
export interface PlayedTurn {
  readonly turnId: string;
  readonly text: string;
  readonly interrupted: boolean;
}

interface Sentence {
  readonly text: string;
  readonly frames: Array<Uint8Array | undefined>;
  readIndex: number;
  played: number;
  complete: boolean;
}

/**
 * Plays one agent turn at a time: sentences in order whatever order their frames arrive in,
 * paced in real time, bracketed by `audio_start`/`audio_end`. Frames of any other turn are
 * stale (an interrupted turn's TTS still streaming) and dropped.
 */
export class Playback {
  private readonly pacer: Pacer;
  private turnId: string | undefined;
  private sentences: Sentence[] = [];
  private cursor = 0;
  private turnComplete = false;
  private started = false;
  /** A held turn gathers its audio but plays nothing until `release`. */
  private held = false;
  private firstFrameSent?: () => void;

  constructor(
    private readonly sink: PlaybackSink,
    /** Called once per turn that played to its end (not on interruption). */
    private readonly onPlayed: (turn: PlayedTurn) => void,
    pacerOptions?: PacerOptions,
  ) {
    this.pacer = new Pacer(this.pull, this.send, pacerOptions);
  }

  /** Audio of the current turn is being (or about to be) heard. */
  get speaking(): boolean {
    return this.started;
  }

  get currentTurnId(): string | undefined {
    return this.turnId;
  }

  /** The current turn is held: prepared, not yet to be heard. */
  get holding(): boolean {
    return this.held;
  }

  /**
   * A new turn replaces whatever was playing; call `interrupt` first to learn what was heard.
   * A `held` turn (a reply prepared before the caller's turn surely ended) plays from `release`.
   */
  begin(turnId: string, onFirstFrame?: () => void, held = false): void {
    this.pacer.stop();
    this.turnId = turnId;
    this.sentences = [];
    this.cursor = 0;
    this.turnComplete = false;
    this.started = false;
    this.held = held;
    this.firstFrameSent = onFirstFrame;
  }

  /** Plays the held turn: at once from whatever audio it has gathered. */
  release(): void {
    if (this.turnId === undefined || !this.held) return;
    this.held = false;
    if (this.sentences.some((s) => s && s.frames.length > 0)) this.pacer.start();
    this.finishIfDone();
  }

  /** A sentence was sent to TTS; its frames play after every earlier sentence's. */
  addSentence(turnId: string, index: number, text: string): void {
    if (turnId !== this.turnId) return;
    this.sentences[index] = { text, frames: [], readIndex: 0, played: 0, complete: false };
  }

  pushFrame(turnId: string | undefined, index: number | undefined, frame: Uint8Array, last: boolean): void {
    const sentence = turnId === this.turnId && index !== undefined ? this.sentences[index] : undefined;
    if (!sentence || sentence.complete) return;
    sentence.frames.push(frame);
    if (last) sentence.complete = true;
    if (this.held) return;
    this.pacer.start();
    if (last) this.finishIfDone();
  }

  /** TTS failed for a sentence: play on without it. */
  skipSentence(turnId: string, index: number): void {
    const sentence = turnId === this.turnId ? this.sentences[index] : undefined;
    if (!sentence) return;
    sentence.complete = true;
    if (this.held) return;
    this.pacer.start();
    this.finishIfDone();
  }

  /** No more sentences will be added to the turn. */
  endTurn(turnId: string): void {
    if (turnId !== this.turnId) return;
    this.turnComplete = true;
    this.finishIfDone();
  }

  /** Barge-in or hang-up: silent before the next frame; returns what was heard. */
  interrupt(): PlayedTurn | undefined {
    const turnId = this.turnId;
    if (turnId === undefined) return undefined;
    this.pacer.stop();
    const wasSpeaking = this.started;
    const text = playedText(this.sentences.filter(Boolean).map((s) => ({ ...s, received: s.frames.length })));
    this.turnId = undefined;
    this.sentences = [];
    this.started = false;
    this.held = false;
    if (wasSpeaking) this.sink.audioEnded();
    return { turnId, text, interrupted: true };
  }

  private readonly pull = (): Uint8Array | undefined => {
    for (let sentence = this.sentences[this.cursor]; sentence; sentence = this.sentences[this.cursor]) {
      if (sentence.readIndex < sentence.frames.length) {
        const frame = sentence.frames[sentence.readIndex];
        sentence.frames[sentence.readIndex++] = undefined; // played audio need not stay in memory
        sentence.played++;
        return frame;
      }
      if (!sentence.complete) return undefined; // TTS is still producing it
      this.cursor++;
    }
    // Nothing left: finish once the pacer has fully stopped (it calls stop after this returns).
    queueMicrotask(() => this.finishIfDone());
    return undefined;
  };

  private readonly send = (frame: Uint8Array): void => {
    if (!this.started) {
      this.started = true;
      this.sink.audioStarted();
      this.firstFrameSent?.();
    }
    this.sink.audio(frame);
  };

  private finishIfDone(): void {
    if (this.turnId === undefined || this.held || !this.turnComplete || this.pacer.active) return;
    if (this.sentences.some((s) => s && (!s.complete || s.readIndex < s.frames.length))) return;
    const turn: PlayedTurn = { turnId: this.turnId, text: this.heardText(), interrupted: false };
    if (this.started) this.sink.audioEnded();
    this.turnId = undefined;
    this.sentences = [];
    this.started = false;
    this.onPlayed(turn);
  }

  private heardText(): string {
    return this.sentences
      .filter((s) => s && s.played > 0)
      .map((s) => s.text.trim())
      .join(' ');
  }
}
