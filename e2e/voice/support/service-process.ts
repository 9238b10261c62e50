import { type ChildProcess, spawn } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export type ServiceName =
  | 'gateway'
  | 'stt-worker'
  | 'llm-worker'
  | 'tts-worker'
  | 'rest-api'
  | 'billing'
  | 'dialer'
  | 'webhooks';

export interface ServiceExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const READY_POLL_MS = 250;

/**
 * Services still running. If the test process ends without stopping them (a hook timed out, Jest
 * was killed by a watchdog), they are killed with it rather than left running with no parent.
 */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * One service of the platform as its own process, started the way production starts it
 * (`node -r @swc-node/register apps/<app>/src/main.ts`), its output appended to the run's log.
 */
export class ServiceProcess {
  readonly exited: Promise<ServiceExit>;
  /** Killed by a test that takes the service down: its exit is the point, not a failure. */
  killedOnPurpose = false;
  private exit: ServiceExit | undefined;
  private readonly child: ChildProcess;

  constructor(
    readonly name: ServiceName,
    readonly port: number,
    options: { root: string; env: NodeJS.ProcessEnv; log: WriteStream },
  ) {
    this.child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
      cwd: options.root,
      env: { ...options.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) {
      stream?.on('data', (chunk: Buffer) => options.log.write(prefixLines(name, chunk)));
    }
    running.add(this.child);
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        running.delete(this.child);
        resolve((this.exit = { code, signal }));
      }),
    );
  }

  /** Polls `/readyz` until it answers 200; fails at the deadline or when the process dies first. */
  async waitUntilReady(deadline: number): Promise<void> {
    let last = 'not probed yet';
    while (Date.now() < deadline) {
      if (this.exit) throw new Error(`${this.name} exited during start-up (${describeExit(this.exit)})`);
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/readyz`, { signal: AbortSignal.timeout(2000) });
        if (response.status === 200) return;
        last = `/readyz answered ${response.status} ${(await response.text()).slice(0, 300)}`;
      } catch (error) {
        last = `/readyz not reachable (${(error as Error & { cause?: { code?: string } }).cause?.code ?? (error as Error).name})`;
      }
      await sleep(READY_POLL_MS);
    }
    throw new Error(`${this.name} (:${this.port}) not ready in time: ${last}`);
  }

  /** Sends `signal` at once, as a crash or an operator would; resolves with the exit it leads to. */
  kill(signal: NodeJS.Signals): Promise<ServiceExit> {
    this.killedOnPurpose = true;
    this.child.kill(signal);
    return this.exited;
  }

  /** SIGTERM, then the exit it leads to; SIGKILL after `graceMs` (reported as an unclean exit). */
  async stop(graceMs: number): Promise<ServiceExit> {
    if (this.exit) return this.exit;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }
}

export function describeExit(exit: ServiceExit): string {
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

function prefixLines(name: string, chunk: Buffer): string {
  return chunk
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `${name.padEnd(10)} | ${line}\n`)
    .join('');
}
