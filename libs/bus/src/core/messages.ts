import type { Msg } from '@nats-io/nats-core';
import { type MessageMap, messageSchemaFor, type MessageSubject } from '@parley/contracts';
import type { z } from 'zod';
import type { BusContext, BusSubscription, MessageMeta } from './bus-context';
import { invokeHandler } from './invoke-handler';
import { decodeJson, encodeJson } from './json-codec';
import { runInSenderContext, traceHeaders } from './trace-headers';

export type MessageHandler<S extends MessageSubject> = (
  payload: MessageMap[S],
  meta: MessageMeta,
) => void | Promise<void>;

export interface SubscribeOptions {
  /** Share the messages among the members of a queue group instead of each getting all. */
  readonly queue?: string;
}

export function publishMessage<S extends MessageSubject>(ctx: BusContext, subject: S, payload: MessageMap[S]): void {
  const data = encodeJson(messageSchemaFor(subject), payload, subject);
  ctx.nc.publish(ctx.ns.subject(subject), data, { headers: traceHeaders() });
}

/**
 * Delivers validated payloads to `handler`. A message that breaks its contract, or a
 * handler that throws, is logged and counted; the subscription carries on. Handlers
 * start in arrival order but are not awaited one after another.
 */
export function subscribeMessages<S extends MessageSubject>(
  ctx: BusContext,
  subject: S,
  handler: MessageHandler<S>,
  options: SubscribeOptions = {},
): BusSubscription {
  // Resolved once: an unknown (or audio) subject fails here, at startup, not per message.
  const schema = messageSchemaFor(subject);
  return ctx.nc.subscribe(ctx.ns.subject(subject), {
    queue: options.queue,
    callback: (err, msg) => {
      if (err) ctx.log.error({ err, subject }, 'subscription failed');
      else deliver(ctx, schema, handler, msg);
    },
  });
}

function deliver<S extends MessageSubject>(
  ctx: BusContext,
  schema: z.ZodType<MessageMap[S]>,
  handler: MessageHandler<S>,
  msg: Msg,
): void {
  const subject = ctx.ns.strip(msg.subject);
  const decoded = decodeJson(schema, msg.data);
  if (!decoded.ok) {
    ctx.stats.invalidMessages++;
    ctx.log.warn({ subject, reason: decoded.reason }, 'message breaks its contract, dropped');
    return;
  }
  const onError = (err: unknown) => {
    ctx.stats.handlerErrors++;
    ctx.log.error({ err, subject }, 'message handler failed');
  };
  runInSenderContext(msg.headers, () => invokeHandler(() => handler(decoded.value, { subject }), onError));
}
