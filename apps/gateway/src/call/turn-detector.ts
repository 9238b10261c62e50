import type { VadEvent } from '../vad';

export interface TurnDetectorOptions {
  /** Quiet after speech that ends the caller's turn (includes the VAD's own hangover). */
  readonly endpointingMs: number;
  /** The longer quiet that ends it while the caller's words so far leave a phrase unfinished. */
  readonly endpointingMidPhraseMs: number;
  /** Speech with this much voice is sustained: it may interrupt the agent. */
  readonly bargeInMinMs: number;
  /**
   * Quiet after voice from which the turn has probably ended: `pause` lets the session prepare
   * the reply early and hold it until `end-of-turn` confirms. 0 (or at least the endpointing
   * time) disables it.
   */
  readonly speculativeMs?: number;
  /** Silence the VAD already waited before it reported `speech-end`. */
  readonly vadHangoverMs: number;
  /** Duration of one frame. */
  readonly frameMs: number;
}

/**
 * What one caller frame means for the conversation. `pause` comes at most once per stretch of
 * quiet, before `end-of-turn`; `resume` is voice again after a `pause` (whether or not the VAD
 * had declared the speech over), so whatever was prepared on the pause is void.
 */
export type TurnSignal = 'speech-start' | 'sustained-speech' | 'pause' | 'resume' | 'end-of-turn' | null;

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
  /** Unvoiced time since the last voiced frame, hangover included. */
  private silentMs = 0;
  private paused = false;

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

  /** Time without voice since the caller's last voiced frame (the VAD's hangover included). */
  get silenceMs(): number {
    return this.silentMs;
  }

  /** What the caller said so far ends mid-phrase ("... and", "um"): wait longer before the turn ends. */
  set callerMidPhrase(midPhrase: boolean) {
    this.midPhrase = midPhrase;
  }

  /** `voiced`: the frame itself held voice (not just the VAD's hangover). */
  onFrame(event: VadEvent | null, voiced: boolean): TurnSignal {
    if (event === 'speech-start') return this.wasPaused() ?? this.startSpeech();
    if (event === 'speech-end') {
      this.speaking = false;
      this.quiet = this.options.vadHangoverMs;
      return this.checkEndOfTurn() ?? this.checkPause(0);
    }
    if (!this.speaking) return this.checkEndOfTurn(this.options.frameMs) ?? this.checkPause(this.options.frameMs);
    if (voiced) return this.wasPaused() ?? this.continueSpeech(voiced);
    return this.continueSpeech(voiced) ?? this.checkPause(this.options.frameMs);
  }

  /** Voice after a `pause`: `resume`, once; the caller's next frame gets its own signal. */
  private wasPaused(): TurnSignal {
    this.silentMs = 0;
    if (!this.paused) return null;
    this.paused = false;
    if (!this.speaking) this.startSpeech();
    return 'resume';
  }

  private checkPause(quietFrameMs: number): TurnSignal {
    this.silentMs += quietFrameMs;
    const { speculativeMs = 0 } = this.options;
    if (!this.pendingTurn || this.paused || speculativeMs <= 0 || this.silentMs < speculativeMs) return null;
    if (speculativeMs >= this.currentWait()) return null;
    this.paused = true;
    return 'pause';
  }

  private currentWait(): number {
    return this.midPhrase ? this.options.endpointingMidPhraseMs : this.options.endpointingMs;
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
    if (this.quiet < this.currentWait()) return null;
    this.pendingTurn = false;
    this.midPhrase = false;
    this.paused = false;
    return 'end-of-turn';
  }
}
