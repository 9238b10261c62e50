import { context, propagation, ROOT_CONTEXT, type TextMapGetter, type TextMapSetter } from '@opentelemetry/api';
import { headers as natsHeaders, type MsgHdrs } from '@nats-io/nats-core';

const setter: TextMapSetter<MsgHdrs> = {
  set: (carrier, key, value) => carrier.set(key, value),
};

const getter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (carrier) => carrier?.keys() ?? [],
  get: (carrier, key) => (carrier?.has(key) ? carrier.get(key) : undefined),
};

/**
 * Writes the active trace context (W3C `traceparent`) into NATS headers. Returns
 * undefined when nothing was written, so untraced messages carry no header block.
 */
export function traceHeaders(): MsgHdrs | undefined {
  const carrier = natsHeaders();
  propagation.inject(context.active(), carrier, setter);
  return carrier.keys().length > 0 ? carrier : undefined;
}

/**
 * Runs a receive handler inside the sender's trace context. It starts from the root
 * context so a handler never inherits whatever happened to be active in the client.
 */
export function runInSenderContext<R>(headers: MsgHdrs | undefined, fn: () => R): R {
  return context.with(propagation.extract(ROOT_CONTEXT, headers, getter), fn);
}
