import { dtmfFrames } from '@parley/audio';
import type { Bus } from '@parley/bus';
import { type CallTransferReply, type CallTransferRequest, rpcSubjects } from '@parley/contracts';
import type { Logger } from '@parley/logging';
import type { Playback } from './playback';

/** Said when the telephony side cannot transfer (no provider carries the call, or it refused). */
export const CANNOT_TRANSFER_PHRASE = "I'm sorry, I can't transfer your call right now.";

/** The carrier leg a telephony call came on: the provider addresses a transfer to it. */
export type CarrierCall = Pick<CallTransferRequest, 'carrier' | 'carrierCallId'>;

export interface ToolEffectsContext {
  readonly bus: Bus;
  readonly callId: string;
  readonly orgId: string;
  /** Set for a call on a carrier's media stream (its name, and its call id such as Twilio's CallSid). */
  readonly carrierCall?: CarrierCall;
  readonly playback: Playback;
  readonly rpcTimeoutMs: number;
  readonly log: Logger;
  /** Speaks fixed text as a turn of its own (the agent's voice). */
  say(turnId: string, text: string): void;
}

/**
 * Carries out what the agent's tools asked for on a reply's final chunk. `send_dtmf` keys play as
 * in-band tones right after the reply's words, in the same turn (so a barge-in stops them too and
 * the recording keeps them). `transfer_call` waits until the reply has been heard to the end, then
 * asks the dialer (which owns the telephony providers) for a cold transfer; when none can, the
 * agent says so and the call goes on. A successful transfer ends the media stream from the
 * provider's side, so the call ends as a hang-up.
 */
export class ToolEffects {
  private pendingTransfer?: { readonly turnId: string; readonly to: string };

  constructor(private readonly ctx: ToolEffectsContext) {}

  /**
   * Adds the keys' tones as the turn's sentence `index`; call before the turn's end. The history
   * keeps them as `[DTMF <keys>]`, so the model knows what it pressed.
   */
  playDtmf(turnId: string, index: number, digits: string): void {
    const { playback } = this.ctx;
    const frames = dtmfFrames(digits);
    playback.addSentence(turnId, index, `[DTMF ${digits}]`);
    frames.forEach((frame, i) => playback.pushFrame(turnId, index, frame, i === frames.length - 1));
  }

  /** The transfer happens once the turn has played to its end (`turnPlayed`). */
  transferAfter(turnId: string, to: string): void {
    this.pendingTransfer = { turnId, to };
  }

  /** The turn played to its end: run its transfer, if it asked for one. */
  turnPlayed(turnId: string): void {
    const pending = this.pendingTransfer;
    if (pending?.turnId !== turnId) return;
    this.pendingTransfer = undefined;
    void this.transfer(pending.turnId, pending.to);
  }

  /** The turn was cut off (barge-in, the end): what it asked for is dropped with it. */
  cancel(turnId: string): void {
    if (this.pendingTransfer?.turnId === turnId) this.pendingTransfer = undefined;
  }

  private async transfer(turnId: string, to: string): Promise<void> {
    const { bus, callId, orgId, carrierCall, log } = this.ctx;
    const reply = await bus
      .request(rpcSubjects.dialerCallTransfer, { callId, orgId, to, ...carrierCall }, { timeoutMs: this.ctx.rpcTimeoutMs })
      .catch((err: unknown): CallTransferReply => {
        log.warn({ err, callId }, 'call transfer request failed');
        return { transferred: false, reason: 'the dialer did not answer' };
      });
    if (reply.transferred) {
      log.info({ callId }, 'call transferred');
      return;
    }
    log.warn({ callId, reason: reply.reason }, 'call could not be transferred');
    this.ctx.say(`${turnId}-transfer`, CANNOT_TRANSFER_PHRASE);
  }
}
