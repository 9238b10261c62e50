import type { AddressInfo } from 'node:net';
import {
  type BeforeApplicationShutdown,
  Controller,
  Get,
  type INestApplication,
  Injectable,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { WebSocket, WebSocketServer } from 'ws';
import { createLogger } from '@parley/logging';
import { createServiceApp } from './create-service-app';
import { gracefulShutdown } from './graceful-shutdown';
import { ReadinessChecks } from './readiness/readiness-checks';

/** Records the order in which the request and the shutdown hook finish. */
const events: string[] = [];
let hookDelayMs = 0;
/** Resolving it lets a hung shutdown hook finish, so no test leaves work behind. */
let releaseHook: () => void = () => undefined;
let requestArrived: () => void = () => undefined;

@Controller()
class SlowController {
  @Get('slow')
  async slow() {
    requestArrived();
    await new Promise((resolve) => setTimeout(resolve, 300));
    events.push('response sent');
    return { done: true };
  }
}

@Injectable()
class DrainingResource implements OnApplicationShutdown {
  async onApplicationShutdown() {
    await new Promise<void>((resolve) => {
      releaseHook = resolve;
      if (Number.isFinite(hookDelayMs)) setTimeout(resolve, hookDelayMs);
    });
    events.push('resource drained');
  }
}

/** Like the gateway: WebSockets upgraded from the HTTP server, closed by the module itself. */
@Injectable()
class LiveSockets implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private server?: WebSocketServer;

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap() {
    this.server = new WebSocketServer({ server: this.adapterHost.httpAdapter.getHttpServer() });
  }

  beforeApplicationShutdown() {
    for (const socket of this.server?.clients ?? []) socket.close(1001, 'server shutting down');
    this.server?.close();
  }
}

@Module({ controllers: [SlowController], providers: [DrainingResource, LiveSockets] })
class SlowModule {}

describe('gracefulShutdown', () => {
  let app: INestApplication;
  let base: string;
  let lines: string[];
  const logs = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeEach(async () => {
    events.length = 0;
    hookDelayMs = 0;
    lines = [];
    const logger = createLogger({ service: 'spec', destination: { write: (line) => lines.push(line) } });
    app = await createServiceApp({ name: 'spec', module: SlowModule, logger });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  /** Every shutdown a test starts, awaited after it so none outlives its test. */
  const running: Promise<void>[] = [];

  afterEach(async () => {
    releaseHook();
    await Promise.all(running.splice(0));
  });

  function shutdownWith(timeoutMs: number) {
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    const logger = createLogger({ service: 'spec', destination: { write: (line) => lines.push(line) } });
    const shutdown = gracefulShutdown(app, { logger, timeoutMs, exit: exited });
    const tracked = (reason: string, code?: number) => {
      const run = shutdown(reason, code);
      running.push(run);
      return run;
    };
    return { shutdown: tracked, exitCode };
  }

  it('finishes the in-flight request, then drains modules, then exits 0', async () => {
    const arrived = new Promise<void>((resolve) => (requestArrived = resolve));
    const inFlight = fetch(`${base}/slow`);
    await arrived;
    const { shutdown, exitCode } = shutdownWith(5000);
    const stopping = shutdown('SIGTERM');

    await expect(app.get(ReadinessChecks).evaluate()).resolves.toMatchObject({ status: 'shutting_down' });
    const res = await inFlight;
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({ done: true });
    await stopping;
    await expect(exitCode).resolves.toBe(0);
    expect(events).toEqual(['response sent', 'resource drained']);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(logs().map((entry) => entry['msg'])).toEqual(
      expect.arrayContaining(['service stopping', 'service stopped']),
    );
  });

  it('does not wait on open WebSockets, which their module closes during shutdown', async () => {
    const client = new WebSocket(`${base.replace('http', 'ws')}/live`);
    await new Promise((resolve, reject) => client.once('open', resolve).once('error', reject));
    const closeCode = new Promise<number>((resolve) => client.once('close', resolve));
    const { shutdown, exitCode } = shutdownWith(3000);
    const started = performance.now();
    void shutdown('SIGTERM');
    await expect(exitCode).resolves.toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(closeCode).resolves.toBe(1001);
  });

  it('exits 1 with a log line when a module hangs past the timeout', async () => {
    hookDelayMs = Infinity;
    const { shutdown, exitCode } = shutdownWith(200);
    void shutdown('SIGTERM');
    await expect(exitCode).resolves.toBe(1);
    expect(logs()).toContainEqual(expect.objectContaining({ level: 'error', msg: 'shutdown timed out', timeout_ms: 200 }));
    expect(events).not.toContain('resource drained');
  });

  it('runs once, but exits non-zero when a later call reports a failure', async () => {
    hookDelayMs = 100;
    const { shutdown, exitCode } = shutdownWith(5000);
    const first = shutdown('SIGTERM');
    await shutdown('uncaughtException', 1);
    await first;
    await expect(exitCode).resolves.toBe(1);
    expect(events).toEqual(['resource drained']);
    expect(logs().filter((entry) => entry['msg'] === 'service stopping')).toHaveLength(1);
  });
});
