import { randomBytes } from 'node:crypto';
import {
  type Context,
  context,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Tracer,
} from '@opentelemetry/api';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-types';
import { routeOf, statusOf } from '../http/route-of';
import { tracingMode } from './init-tracing';

/** Probes run every few seconds; tracing them would bury real requests. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One server span per HTTP request, continuing the caller's trace when it sent a
 * `traceparent`, and returning the span's own `traceparent` so a client can find its trace.
 * The handler runs inside the span's context, so logs and outgoing NATS messages carry it.
 * When tracing runs without an exporter, the request gets the same ids (the caller's trace, a
 * fresh span id, the caller's flags or sampled) without a recorded span: nobody would read it,
 * and building, naming and ending one was a visible part of a hot request's CPU.
 */
export function tracingMiddleware(tracer: Tracer = trace.getTracer('@parley/service')) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    if (UNTRACED_PATHS.has(req.path ?? '')) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const active = tracingMode() === 'context-only' ? withUnrecordedSpan(parent) : withServerSpan(tracer, parent, req, res);
    const outgoing: Record<string, string> = {};
    propagation.inject(active, outgoing);
    for (const name in outgoing) res.setHeader(name, outgoing[name]);
    context.with(active, next);
  };
}

function withServerSpan(tracer: Tracer, parent: Context, req: HttpRequest, res: HttpResponse): Context {
  const span = tracer.startSpan(
    req.method,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
    parent,
  );
  res.once('close', () => {
    const route = routeOf(req);
    const status = statusOf(res);
    span.updateName(`${req.method} ${route}`);
    span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return trace.setSpan(parent, span);
}

/** The ids a server span would have had (the SDK's parent-based always-on sampling), no span. */
function withUnrecordedSpan(parent: Context): Context {
  const caller = trace.getSpanContext(parent);
  const ids = randomIds();
  const continued = caller !== undefined && isSpanContextValid(caller);
  return trace.setSpanContext(parent, {
    traceId: continued ? caller.traceId : ids.slice(0, 32),
    spanId: ids.slice(32),
    traceFlags: continued ? caller.traceFlags : TraceFlags.SAMPLED,
    traceState: continued ? caller.traceState : undefined,
    isRemote: false,
  });
}

/** 16 bytes of trace id and 8 of span id, as hex, cut from a pooled random buffer (one `getrandom` per 256 requests). */
const IDS_BYTES = 24;
let idPool = Buffer.alloc(0);
let idOffset = 0;

function randomIds(): string {
  if (idOffset + IDS_BYTES > idPool.length) {
    idPool = randomBytes(IDS_BYTES * 256);
    idOffset = 0;
  }
  idOffset += IDS_BYTES;
  return idPool.toString('hex', idOffset - IDS_BYTES, idOffset);
}
