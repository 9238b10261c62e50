import cluster, { type Worker } from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { type EnvSource, parseEnv, wholeNumber } from '@parley/config';
import type { Logger } from '@parley/logging';
import { z } from 'zod';

/**
 * The launcher's one setting, read before the app's config (the primary runs no app): how many
 * rest-api processes share the port.
 */
export const clusterEnv = z.object({
  /** 0 (default): one process per core. 1: no cluster, the app runs in this process. */
  REST_API_WORKERS: wholeNumber(0, 64).default(0),
});

export function workerCount(env: EnvSource = process.env): number {
  const { REST_API_WORKERS } = parseEnv(clusterEnv, env);
  return REST_API_WORKERS === 0 ? availableParallelism() : REST_API_WORKERS;
}

export interface PrimaryOptions {
  readonly workers: number;
  readonly log: Logger;
  /** Past it after a signal, workers still running are killed. */
  readonly shutdownTimeoutMs: number;
}

/**
 * The cluster primary: forks the workers, each the whole app on the shared port (Node hands each
 * new connection to the next worker). Each worker has its own bus connection: durable consumers
 * share their messages across workers, RPCs answer in a queue group, and live taps reach every
 * worker, exactly as separate instances would. SIGTERM/SIGINT go on to every worker, whose own
 * graceful shutdown runs; the primary exits when all have, non-zero if any did. A worker that
 * dies after it was serving is replaced; one that dies before it ever listened stops the cluster
 * (a bad environment or unreachable infrastructure, which another fork would only repeat).
 */
export function runPrimary(options: PrimaryOptions): void {
  const env = sharedWorkerEnv(options.log);
  const serving = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;

  const fork = () => cluster.fork(env);
  const stop = (signal: NodeJS.Signals, code = 0) => {
    exitCode = Math.max(exitCode, code);
    if (stopping) return;
    stopping = true;
    options.log.info({ signal }, 'rest-api cluster stopping');
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => killAll(options.log), options.shutdownTimeoutMs).unref();
  };

  cluster.on('listening', (worker) => serving.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    if (code !== 0) exitCode = 1; // a signal's kill (code null) counts as a failure too
    if (!stopping) {
      options.log.error({ worker_pid: worker.process.pid, code, signal }, 'rest-api worker exited');
      if (serving.has(worker)) fork();
      else stop('SIGTERM', 1);
    }
    if (Object.keys(cluster.workers ?? {}).length === 0 && stopping) process.exit(exitCode);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(signal));
  for (let i = 0; i < options.workers; i++) fork();
  options.log.info({ workers: options.workers }, 'rest-api cluster started');
}

/**
 * What every worker must agree on. Without SESSION_SECRET each process would sign sessions with
 * its own random key and a token from one worker would fail on the next: the primary draws one
 * random secret per boot for all of them instead (sessions still end at restart).
 */
function sharedWorkerEnv(log: Logger): Record<string, string> {
  if (process.env.SESSION_SECRET) return {};
  log.warn('SESSION_SECRET is not set: session tokens are signed with a random key and end at restart');
  return { SESSION_SECRET: randomBytes(32).toString('hex') };
}

function killAll(log: Logger): void {
  for (const worker of Object.values(cluster.workers ?? {})) {
    log.error({ worker_pid: worker?.process.pid }, 'rest-api worker did not stop in time');
    worker?.process.kill('SIGKILL');
  }
}
