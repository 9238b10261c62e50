import { z } from 'zod';
import type { Base64Codec } from './base64-codecs';
import type { CarrierAudio } from './carrier-audio';
import type { CarrierInbound } from './carrier-protocol';
import { isDtmfDigit } from './dtmf-turn';

/**
 * The pieces every carrier that frames its stream as JSON text messages (Twilio, Plivo, Telnyx,
 * Exotel) decodes alike: the frame itself, caller audio, a keypad digit, stop. Each carrier's
 * file keeps its own schema, its `start` and its switch over events, and calls these.
 */

/** The shared events' schemas, for each carrier's discriminated union. */
export const mediaEvent = z.object({
  event: z.literal('media'),
  media: z.object({ track: z.string().optional(), payload: z.string() }),
});
export const dtmfEvent = z.object({ event: z.literal('dtmf'), dtmf: z.object({ digit: z.coerce.string() }) });
export const stopEvent = z.object({ event: z.literal('stop') });

export const IGNORED: CarrierInbound = { kind: 'ignored' };
export const STOP: CarrierInbound = { kind: 'stop' };

export function invalid(reason: string): CarrierInbound {
  return { kind: 'invalid', reason };
}

/** A text frame read with the carrier's schema, or the `invalid` answer for it. */
export type JsonEvent<T> = { readonly ok: true; readonly message: T } | { readonly ok: false; readonly inbound: CarrierInbound };

export function readJsonEvent<T>(data: Buffer, isBinary: boolean, carrier: string, schema: z.ZodType<T>): JsonEvent<T> {
  if (isBinary) return { ok: false, inbound: invalid(`${carrier} sends text frames only`) };
  let json: unknown;
  try {
    json = JSON.parse(data.toString('utf8'));
  } catch {
    return { ok: false, inbound: invalid('not JSON') };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, message: parsed.data } : { ok: false, inbound: invalid('unknown or malformed event') };
}

/** A `media` message: the caller's audio at 16 kHz, or ignored when it names another track. */
export function callerAudio(
  media: { readonly track?: string; readonly payload: string },
  codec: Base64Codec,
  audio: CarrierAudio,
): CarrierInbound {
  if (media.track !== undefined && media.track !== 'inbound') return IGNORED;
  return { kind: 'audio', pcm: audio.inbound(codec.decode(media.payload)) };
}

export function keypadDigit(digit: string): CarrierInbound {
  return isDtmfDigit(digit) ? { kind: 'dtmf', digit } : invalid('bad digit');
}
