import { context, propagation, type SpanContext, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { eventSubjects, rpcSubjects, streams, voiceSubjects } from '@parley/contracts';
import type { Bus } from '../src';
import { connectBus, connectRaw, deferred, uniqueNamespace } from './support/bus-fixture';

const sender: SpanContext = {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED,
};

/** Runs `fn` as if inside the sender's span, without needing a tracer SDK. */
function asSender<R>(fn: () => R): R {
  return context.with(trace.setSpanContext(context.active(), sender), fn);
}

function activeTraceId(): string | undefined {
  return trace.getSpanContext(context.active())?.traceId;
}

describe('Bus trace propagation', () => {
  const namespace = uniqueNamespace('trace');
  let bus: Bus;

  beforeAll(async () => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    bus = await connectBus(namespace);
  });

  afterAll(async () => {
    await bus.drain();
    context.disable();
    propagation.disable();
  });

  it('runs a subscriber inside the publisher trace', async () => {
    const subject = voiceSubjects.control('call-1');
    const seen = deferred<string | undefined>();
    const sub = bus.subscribe(subject, () => seen.resolve(activeTraceId()));
    await bus.ping();
    asSender(() => bus.publish(subject, { type: 'flush' }));
    await expect(seen.promise).resolves.toBe(sender.traceId);
    sub.unsubscribe();
  });

  it('puts a W3C traceparent header on the wire', async () => {
    const raw = await connectRaw();
    const subject = voiceSubjects.control('call-3');
    const header = deferred<string | undefined>();
    raw.subscribe(`${namespace}.${subject}`, {
      max: 1,
      callback: (_err, msg) => header.resolve(msg.headers?.get('traceparent')),
    });
    await raw.flush();
    asSender(() => bus.publish(subject, { type: 'flush' }));
    await expect(header.promise).resolves.toBe(`00-${sender.traceId}-${sender.spanId}-01`);
    await raw.drain();
  });

  it('runs an untraced message outside any trace', async () => {
    const subject = voiceSubjects.control('call-2');
    const seen = deferred<string | undefined>();
    const sub = bus.subscribe(subject, () => seen.resolve(activeTraceId()));
    await bus.ping();
    bus.publish(subject, { type: 'flush' });
    await expect(seen.promise).resolves.toBeUndefined();
    sub.unsubscribe();
  });

  it('runs an RPC handler inside the requester trace', async () => {
    const traced = deferred<string | undefined>();
    const sub = bus.serve(rpcSubjects.billingBalanceGet, ({ orgId }) => {
      traced.resolve(activeTraceId());
      return { orgId, points: 1, asOf: new Date().toISOString() };
    });
    await bus.ping();
    await asSender(() => bus.request(rpcSubjects.billingBalanceGet, { orgId: 'o1' }, { timeoutMs: 1_000 }));
    await expect(traced.promise).resolves.toBe(sender.traceId);
    await sub.drain();
  });

  it('runs an event consumer inside the trace of the event publisher', async () => {
    await bus.ensureStreams([streams.call]);
    try {
      const event = {
        callId: 'c1',
        orgId: 'o1',
        seq: 0,
        role: 'user' as const,
        text: 'hello',
        at: new Date().toISOString(),
      };
      await asSender(() => bus.publishEvent(eventSubjects.transcriptAppended, event, { msgId: 'c1:0' }));
      const seen = deferred<string | undefined>();
      const consumer = await bus.consume(streams.call, 'trace', async () => seen.resolve(activeTraceId()));
      await expect(seen.promise).resolves.toBe(sender.traceId);
      await consumer.stop();
    } finally {
      await bus.removeStreams([streams.call]);
    }
  });
});
