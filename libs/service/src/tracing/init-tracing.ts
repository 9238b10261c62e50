import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  readonly serviceName: string;
  /** OTLP/HTTP base URL (`http://collector:4318`); spans are exported only when it is set. */
  readonly otlpEndpoint?: string;
}

/**
 * What this process's tracing does, for the request middleware: `never-initialised` (no provider:
 * the API's no-op tracer), `context-only` (a provider without exporter: ids propagate, spans go
 * nowhere) or `exporting`.
 */
export type TracingMode = 'never-initialised' | 'context-only' | 'exporting';
let mode: TracingMode = 'never-initialised';

export function tracingMode(): TracingMode {
  return mode;
}

export interface Tracing {
  readonly exporting: boolean;
  /** Flushes spans still queued for export; called once the app has closed. */
  shutdown(): Promise<void>;
}

/**
 * Registers the global tracer provider. Context propagation is always on (the W3C
 * `traceparent` flows across HTTP and NATS even when nothing is exported), and
 * `register()` installs its default AsyncLocalStorage context manager, so the active span
 * follows async work without being passed around.
 */
export function initTracing(options: TracingOptions): Tracing {
  const spanProcessors = options.otlpEndpoint
    ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.otlpEndpoint) }))]
    : [];
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors,
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  mode = spanProcessors.length > 0 ? 'exporting' : 'context-only';
  return { exporting: spanProcessors.length > 0, shutdown: () => provider.shutdown() };
}

/** The OTLP spec appends the signal path to a base endpoint: `<endpoint>/v1/traces`. */
export function tracesUrl(endpoint: string): string {
  return new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
}
