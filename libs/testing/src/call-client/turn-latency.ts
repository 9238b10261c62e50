/** One caller turn's voice-to-voice figure (times in ms since connect). */
export interface TurnLatency {
  /** 1 for the first caller turn the agent answered. */
  readonly turn: number;
  /** When the caller's last non-silent frame was sent. */
  readonly speechEndedAt: number;
  /** When the first agent audio frame after it arrived. */
  readonly agentAudioAt: number;
  readonly voiceToVoiceMs: number;
}

/**
 * Voice-to-voice latency as a caller feels it: from the end of their speech (the last non-silent
 * frame sent) to the first agent audio frame after it. Only audio of a segment that started
 * after that speech counts: frames of a reply that was already playing when the caller spoke
 * (before a barge-in cuts it) are not an answer to what they said.
 */
export class TurnLatencyMeter {
  readonly turns: TurnLatency[] = [];
  private lastSpeechAt: number | undefined;
  private awaitingAnswer = false;

  /** A caller frame above the speech threshold was sent at `at`. */
  callerSpoke(at: number): void {
    this.lastSpeechAt = at;
    this.awaitingAnswer = true;
  }

  /**
   * An agent frame arrived at `at`, in a segment that started at `segmentStartedAt` (undefined
   * outside any segment). Returns the turn's figure when this frame answers the caller.
   */
  agentFrame(at: number, segmentStartedAt: number | undefined): TurnLatency | undefined {
    const spokeAt = this.lastSpeechAt;
    if (!this.awaitingAnswer || spokeAt === undefined || segmentStartedAt === undefined) return undefined;
    if (segmentStartedAt < spokeAt) return undefined;
    this.awaitingAnswer = false;
    const latency = { turn: this.turns.length + 1, speechEndedAt: spokeAt, agentAudioAt: at, voiceToVoiceMs: at - spokeAt };
    this.turns.push(latency);
    return latency;
  }
}
