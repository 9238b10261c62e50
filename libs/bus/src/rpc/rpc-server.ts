import type { Msg } from '@nats-io/nats-core';
import {
  errorEnvelope,
  type ErrorEnvelope,
  replySchemaFor,
  requestSchemaFor,
  type RpcReply,
  type RpcRequest,
  rpcService,
  type RpcSubject,
} from '@parley/contracts';
import type { z } from 'zod';
import type { BusContext, BusSubscription, MessageMeta } from '../core/bus-context';
import { BusError } from '../core/bus-error';
import { decodeJson, tryEncodeJson } from '../core/json-codec';
import { runInSenderContext } from '../core/trace-headers';
import { errorReply } from './service-error-headers';

export type RpcHandler<S extends RpcSubject> = (
  request: RpcRequest<S>,
  meta: MessageMeta,
) => RpcReply<S> | Promise<RpcReply<S>>;

export interface ServeOptions {
  /** Instances in one queue group share the requests; defaults to the subject's service. */
  readonly queue?: string;
}

interface Contract<S extends RpcSubject> {
  readonly subject: S;
  readonly request: z.ZodType<RpcRequest<S>>;
  readonly reply: z.ZodType<RpcReply<S>>;
}

/** Answers requests on `subject`; a throw becomes an error envelope, never a silent drop. */
export function serveRpc<S extends RpcSubject>(
  ctx: BusContext,
  subject: S,
  handler: RpcHandler<S>,
  options: ServeOptions = {},
): BusSubscription {
  const contract: Contract<S> = { subject, request: requestSchemaFor(subject), reply: replySchemaFor(subject) };
  return ctx.nc.subscribe(ctx.ns.subject(subject), {
    queue: options.queue ?? rpcService(subject),
    callback: (err, msg) => {
      if (err) ctx.log.error({ err, subject }, 'rpc subscription failed');
      else
        answer(ctx, contract, handler, msg).catch((error: unknown) =>
          ctx.log.error({ err: error, subject }, 'rpc reply not sent'),
        );
    },
  });
}

async function answer<S extends RpcSubject>(ctx: BusContext, contract: Contract<S>, handler: RpcHandler<S>, msg: Msg) {
  const { subject } = contract;
  const request = decodeJson(contract.request, msg.data);
  if (!request.ok) {
    ctx.stats.invalidMessages++;
    ctx.log.warn({ subject, reason: request.reason }, 'rpc request breaks its contract');
    return respondError(msg, errorEnvelope('INVALID_REQUEST', `request breaks its contract: ${request.reason}`));
  }
  let reply: RpcReply<S>;
  try {
    reply = await runInSenderContext(msg.headers, () => handler(request.value, { subject }));
  } catch (err) {
    return respondError(msg, envelopeOf(ctx, subject, err));
  }
  const encoded = tryEncodeJson(contract.reply, reply);
  if (encoded.ok) return msg.respond(encoded.value);
  ctx.stats.handlerErrors++;
  ctx.log.error({ subject, reason: encoded.reason }, 'rpc reply breaks its contract');
  return respondError(msg, errorEnvelope('INTERNAL_ERROR', 'the service produced an invalid reply'));
}

/** A BusError is a deliberate answer; anything else is a bug, logged here and hidden from the caller. */
function envelopeOf(ctx: BusContext, subject: string, err: unknown): ErrorEnvelope {
  if (err instanceof BusError) return err.toEnvelope();
  ctx.stats.handlerErrors++;
  ctx.log.error({ err, subject }, 'rpc handler failed');
  return errorEnvelope('INTERNAL_ERROR', 'the service failed to handle the request');
}

function respondError(msg: Msg, envelope: ErrorEnvelope): boolean {
  const { data, headers } = errorReply(envelope);
  return msg.respond(data, { headers });
}
