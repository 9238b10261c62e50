import type { JetStreamClient, PubAck } from '@nats-io/jetstream';
import { RequestError, TimeoutError } from '@nats-io/nats-core';
import { eventSchemaFor, type EventMap, type EventSubject } from '@parley/contracts';
import type { BusContext } from '../core/bus-context';
import { BusError } from '../core/bus-error';
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
  let ack: PubAck;
  try {
    ack = await js.publish(ctx.ns.subject(subject), data, {
      msgID: options.msgId,
      timeout: options.timeoutMs,
      headers: traceHeaders(),
    });
  } catch (err) {
    throw publishError(err, subject);
  }
  return { seq: ack.seq, duplicate: ack.duplicate };
}

/** nats.js reports a subject no stream stores as "jetstream is not enabled"; say what it means. */
function publishError(err: unknown, subject: string): BusError {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof RequestError && cause.isNoResponders()) {
    return new BusError('NO_RESPONDERS', `no stream stores ${subject}: run ensureStreams at boot`, { cause: err });
  }
  if (err instanceof TimeoutError) {
    return new BusError('REQUEST_TIMEOUT', `JetStream did not confirm ${subject} in time`, { cause: err });
  }
  const reason = err instanceof Error ? err.message : String(err);
  return new BusError('INTERNAL_ERROR', `event ${subject} was not stored: ${reason}`, { cause: err });
}
