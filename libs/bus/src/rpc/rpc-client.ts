import { RequestError, TimeoutError, type Msg } from '@nats-io/nats-core';
import { replySchemaFor, requestSchemaFor, type RpcReply, type RpcRequest, type RpcSubject } from '@parley/contracts';
import type { BusContext } from '../core/bus-context';
import { BusError } from '../core/bus-error';
import { decodeJson, encodeJson } from '../core/json-codec';
import { traceHeaders } from '../core/trace-headers';
import { readErrorReply } from './service-error-headers';

export interface RequestOptions {
  /** How long to wait for the reply; a missing service fails at once regardless. */
  readonly timeoutMs: number;
}

/**
 * Sends a validated request and returns the validated reply. Every failure is a
 * BusError: the service's own envelope, NO_RESPONDERS, REQUEST_TIMEOUT, or a reply
 * that breaks the contract.
 */
export async function requestRpc<S extends RpcSubject>(
  ctx: BusContext,
  subject: S,
  payload: RpcRequest<S>,
  options: RequestOptions,
): Promise<RpcReply<S>> {
  const data = encodeJson(requestSchemaFor(subject), payload, subject);
  const msg = await send(ctx, subject, data, options.timeoutMs);
  const remoteError = readErrorReply(msg);
  if (remoteError) throw BusError.fromEnvelope(remoteError);
  const reply = decodeJson(replySchemaFor(subject), msg.data);
  if (!reply.ok) throw new BusError('INTERNAL_ERROR', `reply on ${subject} breaks its contract: ${reply.reason}`);
  return reply.value;
}

async function send(ctx: BusContext, subject: string, data: Uint8Array, timeoutMs: number): Promise<Msg> {
  try {
    return await ctx.nc.request(ctx.ns.subject(subject), data, { timeout: timeoutMs, headers: traceHeaders() });
  } catch (err) {
    throw transportError(err, subject, timeoutMs);
  }
}

function transportError(err: unknown, subject: string, timeoutMs: number): BusError {
  if (err instanceof TimeoutError) {
    return new BusError('REQUEST_TIMEOUT', `no reply on ${subject} within ${timeoutMs} ms`, { cause: err });
  }
  if (err instanceof RequestError && err.isNoResponders()) {
    return new BusError('NO_RESPONDERS', `no service answers ${subject}`, { cause: err });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new BusError('INTERNAL_ERROR', `request on ${subject} failed: ${reason}`, { cause: err });
}
