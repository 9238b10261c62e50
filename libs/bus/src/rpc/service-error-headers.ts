import { headers as natsHeaders, type Msg, type MsgHdrs } from '@nats-io/nats-core';
import { errorEnvelope, errorEnvelopeSchema, type ErrorEnvelope, httpStatusOf } from '@parley/contracts';
import { decodeJson } from '../core/json-codec';

/** nats.js services convention: a reply with these headers is an error. */
export const SERVICE_ERROR = 'Nats-Service-Error';
export const SERVICE_ERROR_CODE = 'Nats-Service-Error-Code';

const encoder = new TextEncoder();

/** Headers plus the envelope as body, so any NATS client sees the error and ours gets the code. */
export function errorReply(envelope: ErrorEnvelope): { data: Uint8Array; headers: MsgHdrs } {
  const headers = natsHeaders();
  headers.set(SERVICE_ERROR_CODE, String(httpStatusOf(envelope.code)));
  // A header value cannot span lines.
  headers.set(SERVICE_ERROR, envelope.message.replace(/[\r\n]+/g, ' '));
  return { data: encoder.encode(JSON.stringify(envelope)), headers };
}

/**
 * The envelope of an error reply, or undefined for a normal reply. A responder that
 * is not ours may set only the headers; its error is then reported as INTERNAL_ERROR.
 */
export function readErrorReply(msg: Msg): ErrorEnvelope | undefined {
  if (!msg.headers?.has(SERVICE_ERROR_CODE)) return undefined;
  const decoded = decodeJson(errorEnvelopeSchema, msg.data);
  if (decoded.ok) return decoded.value;
  return errorEnvelope('INTERNAL_ERROR', `${msg.headers.get(SERVICE_ERROR_CODE)} ${msg.headers.get(SERVICE_ERROR)}`);
}
