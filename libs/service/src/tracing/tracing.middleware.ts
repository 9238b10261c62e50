import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api';
import type { HttpRequest, HttpResponse, NextFunction } from '../http/http-types';
import { routeOf, statusOf } from '../http/route-of';

/** Probes run every few seconds; tracing them would bury real requests. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One server span per HTTP request, continuing the caller's trace when it sent a
 * `traceparent`, and returning the span's own `traceparent` so a client can find its trace.
 * The handler runs inside the span's context, so logs and outgoing NATS messages carry it.
 */
export function tracingMiddleware(tracer: Tracer = trace.getTracer('@parley/service')) {
  return (req: HttpRequest, res: HttpResponse, next: NextFunction): void => {
    if (UNTRACED_PATHS.has(req.path ?? '')) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(
      req.method,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': req.path } },
      parent,
    );
    const active = trace.setSpan(parent, span);
    const outgoing: Record<string, string> = {};
    propagation.inject(active, outgoing);
    for (const [name, value] of Object.entries(outgoing)) res.setHeader(name, value);

    res.once('close', () => {
      const route = routeOf(req);
      const status = statusOf(res);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': status });
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(active, next);
  };
}
