import { isSpanContextValid, trace } from '@opentelemetry/api';

/** Log lines written inside a traced request carry its ids, so logs and traces join up. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
