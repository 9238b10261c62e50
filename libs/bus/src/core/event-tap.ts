import { eventSchemaFor, type EventMap, type EventSubject } from '@parley/contracts';
import type { BusContext, BusSubscription } from './bus-context';
import { invokeHandler } from './invoke-handler';
import { decodeJson } from './json-codec';

/** One event as a tap sees it: a union over subjects, narrowed by `subject`. */
export type TappedEvent<S extends EventSubject = EventSubject> = S extends EventSubject
  ? { readonly subject: S; readonly payload: EventMap[S] }
  : never;

export type TapHandler<S extends EventSubject> = (event: TappedEvent<S>) => void | Promise<void>;

/**
 * A core subscription to stored events (JetStream's publishes reach core subscribers too), for
 * live fan-out to the instances connected now: nothing is acked or replayed, so an event
 * published while this process was down or disconnected is not seen. Whatever must see every
 * event uses a durable consumer (`Bus.consume`) instead.
 */
export function tapEvents<S extends EventSubject>(
  ctx: BusContext,
  subjects: readonly S[],
  handler: TapHandler<S>,
): BusSubscription {
  const subscriptions = subjects.map((subject) => {
    const schema = eventSchemaFor(subject);
    return ctx.nc.subscribe(ctx.ns.subject(subject), {
      callback: (err, msg) => {
        if (err) return ctx.log.error({ err, subject }, 'event tap failed');
        const decoded = decodeJson(schema, msg.data);
        if (!decoded.ok) {
          ctx.stats.invalidMessages++;
          return ctx.log.warn({ subject, reason: decoded.reason }, 'event breaks its contract, dropped');
        }
        const event = { subject, payload: decoded.value } as TappedEvent<S>;
        invokeHandler(
          () => handler(event),
          (error) => {
            ctx.stats.handlerErrors++;
            ctx.log.error({ err: error, subject }, 'event tap handler failed');
          },
        );
      },
    });
  });
  return {
    drain: async () => void (await Promise.all(subscriptions.map((s) => s.drain()))),
    unsubscribe: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}
