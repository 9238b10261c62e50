import { EventEmitter } from 'node:events';
import { trace } from '@opentelemetry/api';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { initTracing, type Tracing, tracingMode } from './init-tracing';
import { tracingMiddleware } from './tracing.middleware';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

/** A request through the middleware: the traceparent it returned and the trace id the handler saw. */
function pass(headers: Record<string, string>): { traceparent: string; seen: string | undefined } {
  const res = Object.assign(new EventEmitter(), { headers: {} as Record<string, string> });
  const setHeader = (name: string, value: string) => (res.headers[name] = value);
  let seen: string | undefined;
  tracingMiddleware()(
    { method: 'GET', path: '/calls', headers } as unknown as HttpRequest,
    Object.assign(res, { setHeader }) as unknown as HttpResponse,
    () => (seen = trace.getActiveSpan()?.spanContext().traceId),
  );
  return { traceparent: res.headers['traceparent'] ?? '', seen };
}

describe('tracingMiddleware without an exporter (ids propagate, no span is recorded)', () => {
  let tracing: Tracing;
  beforeAll(() => (tracing = initTracing({ serviceName: 'spec' })));
  afterAll(() => tracing.shutdown());

  it('runs in context-only mode', () => {
    expect(tracingMode()).toBe('context-only');
  });

  it('keeps the caller’s trace and its unsampled flag, with a fresh span id the handler runs in', () => {
    const incoming = `00-${TRACE_ID}-00f067aa0ba902b7-00`;
    const { traceparent, seen } = pass({ traceparent: incoming });
    expect(traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
    expect(traceparent).not.toBe(incoming);
    expect(seen).toBe(TRACE_ID);
  });

  it('starts a sampled trace of its own for a request without one, different every time', () => {
    const first = pass({});
    const second = pass({});
    expect(first.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(first.seen).toBe(first.traceparent.slice(3, 35));
    expect(second.traceparent.slice(3, 35)).not.toBe(first.seen);
  });
});
