import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The workers that talk to vendors, on their usual ports (so the platform's own must not run). */
const WORKERS = [
  { name: 'stt-worker', port: 3011 },
  { name: 'llm-worker', port: 3012 },
  { name: 'tts-worker', port: 3013 },
] as const;
const READY_TIMEOUT_MS = 60_000;
const root = path.resolve(__dirname, '../../..');

export const PLATFORM_WITHOUT_WORKERS = 'npm start -- --only rest-api,gateway,billing,dialer,webhooks';

/**
 * stt-, llm- and tts-worker started by the bench with `env` (the fakes' URLs and keys), on the same
 * NATS as the running platform, so the gateway's requests reach them. The platform must run without
 * its own workers, or their queue groups would share the calls with the embedded engines.
 */
export class CloudWorkers {
  private constructor(private readonly children: ChildProcess[]) {}

  static async start(env: Record<string, string>): Promise<CloudWorkers> {
    const busy = (await Promise.all(WORKERS.map(async ({ name, port }) => ((await answers(port)) ? name : null)))).filter(Boolean);
    if (busy.length > 0) {
      throw new Error(`${busy.join(', ')} already running: run the platform without its workers (${PLATFORM_WITHOUT_WORKERS}); the bench starts them`);
    }
    const children = WORKERS.map(({ name, port }) =>
      spawn(process.execPath, ['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', MALLOC_ARENA_MAX: '2', ...env, PORT: String(port) },
        stdio: ['ignore', 'ignore', 'inherit'],
      }),
    );
    const workers = new CloudWorkers(children);
    try {
      await Promise.all(WORKERS.map(({ port }) => untilReady(port)));
    } catch (error) {
      await workers.stop();
      throw error;
    }
    return workers;
  }

  /** SIGTERM: each worker drains, then exits. */
  async stop(): Promise<void> {
    await Promise.all(
      this.children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1_000) });
    return true;
  } catch {
    return false;
  }
}

async function untilReady(port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the worker on port ${port} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
}
