import type { VadEvent } from '../vad';

export interface TurnDetectorOptions {
  /** Quiet after speech that ends the caller's turn (includes the VAD's own hangover). */
  readonly endpointingMs: number;
  /** The longer quiet that ends it while the caller's words so far leave a phrase unfinished. */
  readonly endpointingMidPhraseMs: number;
  /** Speech with this much voice is sustained: it may interrupt the agent. */
  readonly bargeInMinMs: number;
  /** Silence the VAD already waited before it reported `speech-end`. */
  readonly vadHangoverMs: number;
  /** Duration of one frame. */
  readonly frameMs: number;
}

/** What one caller frame means for the conversation. */
export type TurnSignal = 'speech-start' | 'sustained-speech' | 'end-of-turn' | null;

/**
 * Turns VAD transitions into conversation signals, counting time in caller audio (frames)
 * rather than on the wall clock, so a delayed socket cannot end a turn early and the logic
 * is deterministic. Telephony streams audio continuously, silence included.
 */
export class TurnDetector {
  private speaking = false;
  private speechMs = 0;
  private quiet = 0;
  private sustained = false;
  /** Speech was heard since the last end of turn. */
  private pendingTurn = false;
  private midPhrase = false;

  constructor(private readonly options: TurnDetectorOptions) {}

  /** The utterance in progress (or just ended) lasted at least `bargeInMinMs`. */
  get utteranceSustained(): boolean {
    return this.sustained;
  }

  get callerSpeaking(): boolean {
    return this.speaking;
  }

  /** Caller quiet so far (at an end of turn: how long the turn waited after the last voice). */
  get quietMs(): number {
    return this.quiet;
  }

  /** What the caller said so far ends mid-phrase ("... and", "um"): wait longer before the turn ends. */
  set callerMidPhrase(midPhrase: boolean) {
    this.midPhrase = midPhrase;
  }

  /** `voiced`: the frame itself held voice (not just the VAD's hangover). */
  onFrame(event: VadEvent | null, voiced: boolean): TurnSignal {
    if (event === 'speech-start') return this.startSpeech();
    if (event === 'speech-end') {
      this.speaking = false;
      this.quiet = this.options.vadHangoverMs;
      return this.checkEndOfTurn();
    }
    return this.speaking ? this.continueSpeech(voiced) : this.checkEndOfTurn(this.options.frameMs);
  }

  private startSpeech(): TurnSignal {
    // A new utterance inside the endpointing window continues the same turn.
    if (!this.pendingTurn) {
      this.sustained = false;
      this.midPhrase = false;
    }
    this.speaking = true;
    this.pendingTurn = true;
    this.speechMs = this.options.frameMs;
    this.quiet = 0;
    return 'speech-start';
  }

  private continueSpeech(voiced: boolean): TurnSignal {
    if (voiced) this.speechMs += this.options.frameMs;
    if (this.sustained || this.speechMs < this.options.bargeInMinMs) return null;
    this.sustained = true;
    return 'sustained-speech';
  }

  private checkEndOfTurn(quietFrameMs = 0): TurnSignal {
    if (!this.pendingTurn) return null;
    this.quiet += quietFrameMs;
    const wait = this.midPhrase ? this.options.endpointingMidPhraseMs : this.options.endpointingMs;
    if (this.quiet < wait) return null;
    this.pendingTurn = false;
    this.midPhrase = false;
    return 'end-of-turn';
  }
}
