import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { freePort, specConfig } from './infra';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = 'apps/billing/src/main.ts';

interface Run {
  child: ChildProcess;
  lines: () => Record<string, unknown>[];
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs billing exactly as in production: `node -r @swc-node/register apps/billing/src/main.ts`. */
function runBilling(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const lines = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, lines, stderr: () => stderr, exit };
}

async function waitForReady(port: number, run: Run, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (run.child.exitCode !== null) throw new Error(`billing exited early: ${run.stderr()}`);
    const status = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`billing not ready within ${timeoutMs} ms`);
}

/** A stand-in OTLP/HTTP collector: records the path and body of every export it receives. */
async function fakeCollector() {
  const exports: { path?: string; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      exports.push({ path: req.url, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { endpoint, exports, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('billing as a process', () => {
  it('becomes ready, then exits 0 after draining on SIGTERM', async () => {
    const port = await freePort();
    const { DATABASE_URL, BUS_NAMESPACE } = specConfig();
    const run = runBilling({ PORT: String(port), DATABASE_URL, BUS_NAMESPACE: BUS_NAMESPACE ?? '', SHUTDOWN_TIMEOUT_MS: '5000' });
    try {
      await waitForReady(port, run, 20_000);
      run.child.kill('SIGTERM');
      const stoppedAt = Date.now();
      await expect(run.exit).resolves.toEqual({ code: 0, signal: null });
      expect(Date.now() - stoppedAt).toBeLessThan(5000);
      expect(run.lines().map((line) => line['msg'])).toEqual(
        expect.arrayContaining(['service started', 'service ready', 'service stopping', 'service stopped']),
      );
      expect(run.lines().find((line) => line['msg'] === 'service started')).toMatchObject({ service: 'billing', port });
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('exports the spans of traced requests to the OTLP endpoint before it exits', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const collector = await fakeCollector();
    const port = await freePort();
    const run = runBilling({
      PORT: String(port),
      DATABASE_URL: specConfig().DATABASE_URL,
      BUS_NAMESPACE: specConfig().BUS_NAMESPACE ?? '',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
    });
    try {
      await waitForReady(port, run, 20_000);
      const res = await fetch(`http://127.0.0.1:${port}/no-such-route`, {
        headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
      });
      expect(res.status).toBe(404);
      run.child.kill('SIGTERM');
      await expect(run.exit).resolves.toEqual({ code: 0, signal: null });
      expect(collector.exports.map((e) => e.path)).toContain('/v1/traces');
      const body = collector.exports.map((e) => e.body).join('\n');
      expect(body).toContain(traceId);
      expect(body).toContain('"billing"');
    } finally {
      run.child.kill('SIGKILL');
      await collector.close();
    }
  });

  it('refuses a bad environment with one line naming each variable, and exits 1', async () => {
    const run = runBilling({ PORT: 'eighty', NATS_URL: 'http://127.0.0.1:4222' });
    await expect(run.exit).resolves.toEqual({ code: 1, signal: null });
    expect(run.lines()).toEqual([
      expect.objectContaining({
        level: 'fatal',
        msg: 'invalid environment',
        problems: [
          { variable: 'NATS_URL', problem: 'Invalid URL' },
          { variable: 'PORT', problem: 'must be a whole number from 0 to 65535' },
        ],
      }),
    ]);
    expect(run.stderr()).toBe('');
  });
});
