import type { AddressInfo } from 'node:net';
import { Controller, Get, HttpException, type INestApplication, Inject, Module, Param } from '@nestjs/common';
import { trace } from '@opentelemetry/api';
import { createLogger } from '@parley/logging';
import { createServiceApp } from './create-service-app';
import { ReadinessChecks } from './readiness/readiness-checks';
import { initTracing, type Tracing } from './tracing/init-tracing';

const INCOMING_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const INCOMING_TRACEPARENT = `00-${INCOMING_TRACE_ID}-00f067aa0ba902b7-01`;

/** A dependency the spec can break and repair. */
class FakeDependency {
  up = true;
}

@Controller('calls')
class CallsController {
  @Get(':id')
  get(@Param('id') id: string) {
    return { id, trace_id: trace.getActiveSpan()?.spanContext().traceId };
  }

  @Get(':id/crash')
  crash(): never {
    throw new Error('database password is hunter2');
  }

  @Get(':id/missing')
  missing(): never {
    throw new HttpException({ code: 'NOT_FOUND', message: 'no such call' }, 404);
  }
}

@Module({ controllers: [CallsController], providers: [FakeDependency] })
class CallsModule {
  constructor(checks: ReadinessChecks, @Inject(FakeDependency) dependency: FakeDependency) {
    checks.register({
      name: 'fake',
      check: async () => {
        if (!dependency.up) throw new Error('fake dependency is down');
      },
    });
  }
}

describe('createServiceApp', () => {
  let tracing: Tracing;
  let app: INestApplication;
  let base: string;
  const lines: string[] = [];
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    tracing = initTracing({ serviceName: 'spec' });
    const logger = createLogger({ service: 'spec', destination: { write: (line) => lines.push(line) } });
    app = await createServiceApp({ name: 'spec', module: CallsModule, logger, readinessTimeoutMs: 200 });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app.close();
    await tracing.shutdown();
  });

  it('answers /healthz with 200 ok', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 while every check passes', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ status: 'ready', checks: { fake: 'ok' } });
  });

  it('turns /readyz to 503 naming the failing check when a dependency fails', async () => {
    const dependency = app.get(FakeDependency);
    dependency.up = false;
    try {
      const res = await fetch(`${base}/readyz`);
      expect(res.status).toBe(503);
      await expect(res.json()).resolves.toEqual({
        status: 'not_ready',
        checks: { fake: 'fake dependency is down' },
        failing: ['fake'],
      });
    } finally {
      dependency.up = true;
    }
  });

  it('continues an incoming trace and returns its trace id in traceparent', async () => {
    const res = await fetch(`${base}/calls/c-1`, { headers: { traceparent: INCOMING_TRACEPARENT } });
    const traceparent = res.headers.get('traceparent') ?? '';
    expect(traceparent).toMatch(new RegExp(`^00-${INCOMING_TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(traceparent).not.toBe(INCOMING_TRACEPARENT);
    await expect(res.json()).resolves.toEqual({ id: 'c-1', trace_id: INCOMING_TRACE_ID });
  });

  it('starts a new trace for a request without traceparent', async () => {
    const res = await fetch(`${base}/calls/c-2`);
    const traceparent = res.headers.get('traceparent') ?? '';
    expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(traceparent).not.toContain(INCOMING_TRACE_ID);
  });

  it('answers an unexpected error with INTERNAL_ERROR and an error id, never the stack', async () => {
    const res = await fetch(`${base}/calls/c-3/crash`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ code: 'INTERNAL_ERROR', message: 'Internal server error', error_id: expect.any(String) });
    expect(JSON.stringify(body)).not.toMatch(/hunter2|at .*\.ts/);
    const logged = logs().find((entry) => entry['error_id'] === body['error_id']);
    expect(logged).toMatchObject({ level: 'error', route: '/calls/:id/crash', err: { stack: expect.any(String) } });
  });

  it('keeps the status and body of a deliberate HttpException', async () => {
    const res = await fetch(`${base}/calls/c-4/missing`);
    expect(res.status).toBe(404);
    await expect(res.json()).resolves.toEqual({ code: 'NOT_FOUND', message: 'no such call' });
  });

  it('serves Prometheus text with default metrics and request durations by route pattern', async () => {
    await fetch(`${base}/calls/c-5`);
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('process_resident_memory_bytes{service="spec"}');
    expect(text).toMatch(
      /http_server_request_duration_seconds_count\{service="spec",method="GET",route="\/calls\/:id",status_code="200"\} [1-9]/,
    );
    expect(text).not.toContain('c-5');
  });
});
