import type { StreamResult, VoiceCallClient } from '@parley/testing';

/**
 * The caller's side of a phone line: real-time silence whenever the caller is not talking, as a
 * telephony platform streams it, and speech cut in on the next 20 ms frame when they talk.
 */
export class PhoneLine {
  private endSilence: () => void = () => undefined;

  constructor(private readonly call: VoiceCallClient) {
    this.keepSilent();
  }

  /** Streams `samples` in real time; silence resumes after them. Resolves when the last frame is sent. */
  async say(samples: Int16Array): Promise<StreamResult> {
    this.endSilence();
    const spoken = await this.call.streamPcm(samples);
    this.keepSilent();
    return spoken;
  }

  /** Stops sending anything (before a hang-up, or when the call is over). */
  mute(): void {
    this.endSilence();
  }

  private keepSilent(): void {
    const stop = new Promise<void>((resolve) => (this.endSilence = resolve));
    void this.call.streamSilenceUntil(Promise.race([stop, this.call.closed]));
  }
}
