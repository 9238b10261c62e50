import { type ChildProcess, spawn } from 'node:child_process';
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

describe('billing as a process', () => {
  it('becomes ready, then exits 0 after draining on SIGTERM', async () => {
    const port = await freePort();
    const run = runBilling({ PORT: String(port), DATABASE_URL: specConfig().DATABASE_URL, SHUTDOWN_TIMEOUT_MS: '5000' });
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
