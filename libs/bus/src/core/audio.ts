import { headers as natsHeaders, type Msg, type MsgHdrs } from '@nats-io/nats-core';
import { AUDIO_HEADER, type AudioFrameHeaders, type AudioSubject, isAudioSubject } from '@parley/contracts';
import type { BusContext, BusSubscription } from './bus-context';
import { BusError } from './bus-error';
import { invokeHandler } from './invoke-handler';

/**
 * Receives one frame. `headers` is reused for every frame of the subscription (no
 * allocation per frame on the audio path): read it during the call, copy what you keep.
 */
export type AudioHandler = (frame: Uint8Array, headers: Readonly<AudioFrameHeaders>, subject: string) => void;

// Audio carries no trace context: 50 frames a second per call would only add bytes;
// the call's trace travels with its JSON messages and RPCs.
export function publishAudio(ctx: BusContext, subject: AudioSubject, frame: Uint8Array, meta: AudioFrameHeaders): void {
  if (frame.byteLength % 2 !== 0) {
    throw new BusError('INVALID_REQUEST', `audio for ${subject} must hold whole PCM16 samples`);
  }
  if (!Number.isSafeInteger(meta.seq) || meta.seq < 0) {
    throw new BusError('INVALID_REQUEST', `audio for ${subject} needs a non-negative integer seq`);
  }
  ctx.nc.publish(ctx.ns.subject(subject), frame, { headers: toNatsHeaders(meta) });
}

export function subscribeAudio(ctx: BusContext, subject: AudioSubject, handler: AudioHandler): BusSubscription {
  // Checked once here; publishAudio relies on the type alone, to keep the per-frame path bare.
  if (!isAudioSubject(subject)) throw new BusError('INVALID_REQUEST', `${subject} does not carry audio`);
  const reused: AudioFrameHeaders = { seq: 0 };
  return ctx.nc.subscribe(ctx.ns.subject(subject), {
    callback: (err, msg) => {
      if (err) return ctx.log.error({ err, subject }, 'audio subscription failed');
      if (!readFrameHeaders(msg, reused) || msg.data.byteLength % 2 !== 0) {
        ctx.stats.invalidMessages++;
        return ctx.log.warn(
          { subject: ctx.ns.strip(msg.subject) },
          'audio frame without seq or with a split sample, dropped',
        );
      }
      invokeHandler(
        () => handler(msg.data, reused, ctx.ns.strip(msg.subject)),
        (error) => {
          ctx.stats.handlerErrors++;
          ctx.log.error({ err: error, subject }, 'audio handler failed');
        },
      );
    },
  });
}

function toNatsHeaders(meta: AudioFrameHeaders): MsgHdrs {
  const headers = natsHeaders();
  headers.set(AUDIO_HEADER.seq, String(meta.seq));
  if (meta.turnId !== undefined) headers.set(AUDIO_HEADER.turnId, meta.turnId);
  if (meta.sentenceIndex !== undefined) headers.set(AUDIO_HEADER.sentenceIndex, String(meta.sentenceIndex));
  if (meta.last) headers.set(AUDIO_HEADER.last, '1');
  return headers;
}

/** Fills `into` from the message; false when the frame has no valid sequence number. */
function readFrameHeaders(msg: Msg, into: AudioFrameHeaders): boolean {
  const headers = msg.headers;
  const seq = Number(headers?.get(AUDIO_HEADER.seq) || Number.NaN);
  if (!headers || !Number.isSafeInteger(seq) || seq < 0) return false;
  into.seq = seq;
  into.turnId = headers.has(AUDIO_HEADER.turnId) ? headers.get(AUDIO_HEADER.turnId) : undefined;
  into.sentenceIndex = headers.has(AUDIO_HEADER.sentenceIndex)
    ? Number(headers.get(AUDIO_HEADER.sentenceIndex))
    : undefined;
  into.last = headers.get(AUDIO_HEADER.last) === '1' || undefined;
  return true;
}
