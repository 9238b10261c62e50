import { context, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { createLogger, type LoggerOptions } from './create-logger';
import { CENSOR } from './redaction';

function collectingLogger(options: Partial<LoggerOptions> = {}) {
  const lines: string[] = [];
  const logger = createLogger({ service: 'billing', destination: { write: (line) => lines.push(line) }, ...options });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, entries };
}

describe('createLogger', () => {
  it('writes one JSON line with service, level label, ISO time and the message', () => {
    const { logger, entries } = collectingLogger();
    logger.info({ call_id: 'c1', duration_ms: 42 }, 'call ended');
    const [entry] = entries();
    expect(entry).toMatchObject({ service: 'billing', level: 'info', msg: 'call ended', call_id: 'c1', duration_ms: 42 });
    expect(entry['time']).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/));
  });

  it('drops lines below the configured level', () => {
    const { logger, lines } = collectingLogger({ level: 'warn' });
    logger.info('ignored');
    logger.warn('kept');
    expect(lines).toHaveLength(1);
  });

  it('censors secrets and personal data under tagged keys at any of the first three levels', () => {
    const { logger, lines, entries } = collectingLogger();
    logger.info(
      {
        apiKey: 'sk_live_top',
        key: 'sk_live_bare',
        caller: { phone: '+15550001111', to_number: '+15550002222' },
        req: { headers: { authorization: 'Bearer sk_live_header', 'x-api-key': 'sk_live_x', accept: 'json' } },
        turn: { transcript: 'my card number is 4242', text: 'hello Ann' },
        pii: { name: 'Ann Smith' },
      },
      'turn finished',
    );
    expect(entries()[0]).toMatchObject({
      apiKey: CENSOR,
      key: CENSOR,
      caller: { phone: CENSOR, to_number: CENSOR },
      req: { headers: { authorization: CENSOR, 'x-api-key': CENSOR, accept: 'json' } },
      turn: { transcript: CENSOR, text: CENSOR },
      pii: CENSOR,
    });
    expect(lines[0]).not.toMatch(/sk_live|555000|4242|Ann/);
  });

  it('serializes errors under err with their stack', () => {
    const { logger, entries } = collectingLogger();
    logger.error({ err: new Error('socket closed') }, 'stt session failed');
    expect(entries()[0]['err']).toMatchObject({ type: 'Error', message: 'socket closed', stack: expect.any(String) });
  });

  it('adds the active trace and span ids so logs join their trace', () => {
    const provider = new NodeTracerProvider();
    provider.register();
    const { logger, entries } = collectingLogger();
    const span = provider.getTracer('spec').startSpan('request');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    logger.info('outside');
    span.end();
    const [inside, outside] = entries();
    expect(inside).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
    expect(outside).not.toHaveProperty('trace_id');
    return provider.shutdown();
  });

  it('writes a readable line instead of JSON when pretty', () => {
    const { logger, lines } = collectingLogger({ pretty: true });
    logger.info({ port: 3014, apiKey: 'sk_live_top' }, 'service started');
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO {2}\[billing\] service started port=3014 apiKey=\[redacted\]\n$/);
  });
});
