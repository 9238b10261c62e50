import type { JetStreamClient } from '@nats-io/jetstream';
import { eventSchemaFor, type EventMap, type EventSubject } from '@parley/contracts';
import type { BusContext } from '../core/bus-context';
import { encodeJson } from '../core/json-codec';
import { traceHeaders } from '../core/trace-headers';

export interface PublishEventOptions {
  /**
   * Sent as `Nats-Msg-Id`: a second publish with the same id inside the stream's
   * duplicate window is stored once. Derive it from the fact (e.g. `<callId>:ended`).
   */
  readonly msgId: string;
  readonly timeoutMs?: number;
}

export interface EventAck {
  /** Position of the event in its stream. */
  readonly seq: number;
  /** True when the stream had already stored an event with this msgId. */
  readonly duplicate: boolean;
}

/** Resolves once JetStream has stored the event, so a fact is never lost after this returns. */
export async function publishEvent<S extends EventSubject>(
  ctx: BusContext,
  js: JetStreamClient,
  subject: S,
  payload: EventMap[S],
  options: PublishEventOptions,
): Promise<EventAck> {
  const data = encodeJson(eventSchemaFor(subject), payload, subject);
  const ack = await js.publish(ctx.ns.subject(subject), data, {
    msgID: options.msgId,
    timeout: options.timeoutMs,
    headers: traceHeaders(),
  });
  return { seq: ack.seq, duplicate: ack.duplicate };
}
