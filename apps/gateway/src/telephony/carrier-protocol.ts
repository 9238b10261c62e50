import type { VoiceServerMessage } from '@parley/contracts';

/** What the carrier told us when its stream started: ids for the log, numbers for `call.started`. */
export interface CarrierStart {
  /** The carrier's id of this media stream (Twilio `streamSid`), when it has one. */
  readonly streamId?: string;
  /** The carrier's id of the phone call (Twilio `callSid`, Vonage `uuid`). */
  readonly carrierCallId?: string;
  readonly from?: string;
  readonly to?: string;
  /** Custom parameters the carrier passed along (Twilio `<Parameter>`, Vonage headers). */
  readonly parameters: Readonly<Record<string, string>>;
}

/** One decoded message from the carrier. */
export type CarrierInbound =
  | { readonly kind: 'start'; readonly start: CarrierStart }
  /** Caller audio as PCM16LE 16 kHz; a view the stream reuses, valid until the next decode. */
  | { readonly kind: 'audio'; readonly pcm: Uint8Array }
  | { readonly kind: 'dtmf'; readonly digit: string }
  /** The carrier ended the stream (the call hung up or moved on). */
  | { readonly kind: 'stop' }
  /** Understood, nothing to do (`connected`, a played `mark`...). */
  | { readonly kind: 'ignored' }
  | { readonly kind: 'invalid'; readonly reason: string };

/** A frame for the carrier: a string goes out as a text frame, bytes as a binary frame. */
export type WireFrame = string | Uint8Array;

/**
 * One call's stream in a carrier's framing. It keeps the codec state (mu-law, resamplers) for
 * this stream only, so it is made per call and never shared.
 */
export interface CarrierStream {
  /** The rate of the caller's audio as the carrier sends it; known once the stream has started. */
  readonly carrierRate: number;
  decode(data: Buffer, isBinary: boolean): CarrierInbound;
  /** One 20 ms frame of agent audio (PCM16LE 16 kHz) as the carrier wants it. */
  encodeAudio(frame: Uint8Array): WireFrame;
  /** A reference-003 message mapped to the carrier's framing, or undefined when it has none. */
  encodeMessage(message: VoiceServerMessage): WireFrame | undefined;
  /** Tells the carrier to drop the agent audio it still holds (barge-in); undefined if it cannot. */
  encodeClear(): WireFrame | undefined;
}

/** A carrier's media-stream protocol, served on `/telephony/<name>/...`. */
export interface CarrierProtocol {
  /** The path segment and the `call.started` channel, e.g. `twilio`. */
  readonly name: string;
  openStream(): CarrierStream;
}
