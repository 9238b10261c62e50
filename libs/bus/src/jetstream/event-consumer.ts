import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/nats-core';
import { eventSchemaFor, type EventMap, type EventSubject, eventSubjects, type StreamDef } from '@parley/contracts';
import type { BusContext } from '../core/bus-context';
import { decodeJson } from '../core/json-codec';
import { runInSenderContext } from '../core/trace-headers';

/** One stored event; a union over subjects, so a handler narrows the payload by `subject`. */
export type ConsumedEvent<S extends EventSubject = EventSubject> = S extends EventSubject
  ? {
      readonly subject: S;
      readonly payload: EventMap[S];
      /** 1 on first delivery; higher after a handler failed or an ack was lost. */
      readonly deliveryCount: number;
      readonly streamSeq: number;
    }
  : never;

export type EventHandler<S extends EventSubject> = (event: ConsumedEvent<S>) => Promise<void>;

export interface ConsumeOptions<S extends EventSubject> {
  /** Only this event subject (one filter: several need nats-server 2.10). */
  readonly filterSubject?: S;
  /** Deliveries before the server gives up on an event. */
  readonly maxDeliver?: number;
  /** Time a handler has before the server redelivers the event. */
  readonly ackWaitMs?: number;
  /** Pause before redelivering an event whose handler threw. */
  readonly nakDelayMs?: number;
  /**
   * Events this puller buffers ahead of its handler (nats.js default 100; `concurrency` when that
   * is set, so every buffered event is being handled rather than waiting out its ack time).
   */
  readonly maxMessages?: number;
  /**
   * Handler calls in flight at once (default 1: one event at a time, in order). Above 1, events
   * are handled concurrently and acked each as its own handler finishes: for handlers whose
   * effects do not depend on order (idempotent, or batching writes together).
   */
  readonly concurrency?: number;
}

export interface EventConsumer {
  /** Stops fetching; resolves after the handler in flight has finished and acked. */
  stop(): Promise<void>;
}

const DEFAULTS = { maxDeliver: 5, ackWaitMs: 30_000, nakDelayMs: 1_000 };
const KNOWN_EVENTS = new Set<string>(Object.values(eventSubjects));

/**
 * Processes a durable consumer's events one at a time with explicit acks: ack after
 * the handler resolves, nak with a delay when it throws, so at-least-once delivery
 * survives restarts. Handlers must be idempotent (use the payload's ids).
 */
export async function consumeEvents<S extends EventSubject>(
  ctx: BusContext,
  clients: { js: JetStreamClient; jsm: JetStreamManager },
  def: StreamDef,
  durable: string,
  handler: EventHandler<S>,
  options: ConsumeOptions<S> = {},
): Promise<EventConsumer> {
  const settings = {
    maxDeliver: options.maxDeliver ?? DEFAULTS.maxDeliver,
    ackWaitMs: options.ackWaitMs ?? DEFAULTS.ackWaitMs,
    nakDelayMs: options.nakDelayMs ?? DEFAULTS.nakDelayMs,
  };
  const stream = ctx.ns.stream(def.name);
  // Creating an existing durable applies the changed settings (measured on nats-server 2.9.10),
  // so a deployment that changes maxDeliver or ackWait needs no migration step.
  await clients.jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    max_deliver: settings.maxDeliver,
    ack_wait: nanos(settings.ackWaitMs),
    ...(options.filterSubject ? { filter_subject: ctx.ns.subject(options.filterSubject) } : {}),
  });
  const consumer = await clients.js.consumers.get(stream, durable);
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const maxMessages = options.maxMessages ?? (concurrency > 1 ? concurrency : undefined);
  const messages = await consumer.consume(maxMessages ? { max_messages: maxMessages } : {});
  const loop = runLoop(ctx, messages, handler as EventHandler<EventSubject>, settings, concurrency);
  return {
    stop: async () => {
      await messages.close();
      await loop;
    },
  };
}

async function runLoop(
  ctx: BusContext,
  messages: ConsumerMessages,
  handler: EventHandler<EventSubject>,
  settings: typeof DEFAULTS,
  concurrency: number,
): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  try {
    for await (const msg of messages) {
      const handled: Promise<void> = handleOne(ctx, msg, handler, settings).finally(() => inFlight.delete(handled));
      inFlight.add(handled);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  } catch (err) {
    ctx.log.error({ err }, 'event consumer stopped');
  }
  await Promise.all(inFlight);
}

async function handleOne(ctx: BusContext, msg: JsMsg, handler: EventHandler<EventSubject>, settings: typeof DEFAULTS) {
  const event = decodeEvent(ctx, msg);
  if (!event) return;
  try {
    await runInSenderContext(msg.headers, () => handler(event));
    msg.ack();
  } catch (err) {
    ctx.stats.handlerErrors++;
    const { deliveryCount } = msg.info;
    const finalAttempt = deliveryCount >= settings.maxDeliver;
    ctx.log.error(
      { err, subject: event.subject, deliveryCount },
      finalAttempt ? 'event handler failed, giving up' : 'event handler failed, will retry',
    );
    msg.nak(settings.nakDelayMs);
  }
}

/**
 * The typed event, or undefined when there is nothing to hand over: an event type this
 * build has no contract for is acked (it cannot matter here), and an event that breaks
 * its contract is terminated, since no redelivery can fix it.
 */
function decodeEvent(ctx: BusContext, msg: JsMsg): ConsumedEvent | undefined {
  const subject = ctx.ns.strip(msg.subject);
  if (!KNOWN_EVENTS.has(subject)) {
    // A newer publisher's event type: this consumer has no contract for it, so it cannot care.
    msg.ack();
    return undefined;
  }
  const decoded = decodeJson(eventSchemaFor(subject as EventSubject), msg.data);
  if (decoded.ok) {
    return {
      subject,
      payload: decoded.value,
      deliveryCount: msg.info.deliveryCount,
      streamSeq: msg.seq,
    } as ConsumedEvent;
  }
  ctx.stats.invalidMessages++;
  ctx.log.warn({ subject, reason: decoded.reason, streamSeq: msg.seq }, 'event breaks its contract, terminated');
  // No reason text: `+TERM <reason>` needs nats-server 2.10.4; 2.9 ignores it and redelivers.
  msg.term();
  return undefined;
}
