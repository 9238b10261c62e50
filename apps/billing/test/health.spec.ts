import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { Redis } from 'ioredis';
import { BillingModule } from '../src/billing.module';
import { specConfig } from './infra';

describe('billing app against real NATS, Redis and Postgres', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const config = specConfig();
    const logger = createLogger({ service: 'billing', level: 'warn' });
    app = await createServiceApp({ name: 'billing', module: BillingModule.forRoot(config, logger), logger });
    await app.listen(config.PORT, config.HOST);
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  it('answers /healthz with 200', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
  });

  it('is ready once NATS, Redis and Postgres all answer', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({
      status: 'ready',
      checks: { nats: 'ok', redis: 'ok', postgres: 'ok' },
    });
  });

  it('serves Prometheus text labelled with the service', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# HELP /m);
    expect(text).toContain('nodejs_heap_size_used_bytes{service="billing"}');
  });

  it('drains the bus and closes Redis and HTTP on shutdown', async () => {
    const bus = app.get(Bus);
    const redis = app.get(Redis);
    await app.close();
    await expect(bus.closed()).resolves.toBeUndefined();
    expect(redis.status).toBe('end');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});
