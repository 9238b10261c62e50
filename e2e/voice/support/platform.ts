import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Bus } from '@parley/bus';
import { streams } from '@parley/contracts';
import { type TestInfra, testInfra, uniqueNamespace } from '@parley/testing';
import Redis from 'ioredis';
import { FAILED_FLAG } from './failure-flag';
import { createPlatformDatabase, createWholePlatformDatabase } from './fixtures/database';
import { seedDemoData, type SeedResult } from './fixtures/seed';
import { TestData } from './fixtures/test-data';
import type { ServiceExit, ServiceName } from './service-process';
import { ServiceStack } from './service-stack';

const ROOT = path.resolve(__dirname, '../../..');
/** The voice path end to end; dialer and webhooks join for tasks (the dialer places calls, webhooks report them). */
function services(sttWorkers: number, tasks: boolean): ServiceName[] {
  const stt: ServiceName[] = Array.from({ length: sttWorkers }, () => 'stt-worker');
  const taskServices: ServiceName[] = tasks ? ['dialer', 'webhooks'] : [];
  return ['rest-api', 'billing', ...stt, 'llm-worker', 'tts-worker', 'gateway', ...taskServices];
}
/** Six Node processes compiling TypeScript at once on two busy cores take a while. */
const READY_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 5_000;
const STOP_GRACE_MS = SHUTDOWN_TIMEOUT_MS + 5_000;

/**
 * For the hooks that start and stop the platform: longer than start-up (database, seed, services
 * ready) and shutdown can take, so a slow start fails with its own error and cleans up after itself
 * instead of being abandoned half-started by a hook timeout.
 */
export const PLATFORM_START_TIMEOUT_MS = READY_TIMEOUT_MS + 60_000;
export const PLATFORM_STOP_TIMEOUT_MS = STOP_GRACE_MS + 30_000;

/** A running platform of its own: database, bus namespace, Redis prefix and ports. */
export interface Platform {
  /** The demo organization, agent and keys, as `npm run seed` makes them. */
  readonly demo: SeedResult;
  /** Makes more organizations, agents and keys in the platform's database. */
  readonly data: TestData;
  /** The bus namespace the services run in; a client connected with it reaches them. */
  readonly namespace: string;
  readonly natsUrl: string;
  /** Every service's output, one line per entry prefixed with the service name; removed after a clean run. */
  readonly logFile: string;
  /** `ws://127.0.0.1:<gateway port>/voice/<key>` */
  voiceUrl(key: string): string;
  /** `ws://127.0.0.1:<gateway port><path>`, for paths other than the voice one. */
  gatewayUrl(pathname: string): string;
  /** `http://127.0.0.1:<rest-api port><path>`: the public REST API. */
  restUrl(pathname: string): string;
  /** `http://127.0.0.1:<port>/metrics` of the `index`th process (from 0) running `service`. */
  metricsUrl(service: ServiceName, index?: number): string;
  /**
   * Sends `signal` to the `index`th process running `service` now; resolves with its exit. `stop()`
   * does not hold that exit against the run.
   */
  kill(service: ServiceName, index: number, signal: NodeJS.Signals): Promise<ServiceExit>;
  /**
   * SIGTERMs every service and throws unless each exited with code 0 (a service `kill`ed on purpose
   * excepted); then removes the run's data.
   */
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** stt-worker processes sharing the sessions (queue group `stt`); 1 unless a spec needs more. */
  readonly sttWorkers?: number;
  /**
   * Also runs the dialer (simulator provider, dialing this gateway) and webhooks (receivers on
   * localhost allowed), on a database holding every slice: for specs that execute tasks.
   */
  readonly tasks?: boolean;
  /** More variables once ports are chosen, over the defaults (e.g. `TELEPHONY_PROVIDER=twilio` and where Twilio reaches the dialer). */
  readonly envWithPorts?: (portOf: (name: ServiceName) => number | undefined) => NodeJS.ProcessEnv;
}

/**
 * Starts the real platform (six services as child processes, as `npm start` runs them) against
 * a fresh database seeded with the demo data, in a NATS namespace and Redis prefix no other run
 * shares. Resolves once every `/readyz` answers 200.
 */
export async function startPlatform(label: string, options: PlatformOptions = {}): Promise<Platform> {
  const infra = await testInfra();
  const namespace = uniqueNamespace(`e2e_${label}`);
  const runDir = path.join(ROOT, 'tmp/e2e', namespace);
  await mkdir(runDir, { recursive: true });
  const tasks = options.tasks ?? false;
  const database = await (tasks ? createWholePlatformDatabase() : createPlatformDatabase());
  const demo = await seedDemoData(database.url, runDir);
  const data = new TestData(database.url);
  const removeData = async () => {
    await data.close();
    await removeRunData(namespace, infra);
    await database.drop();
  };
  const env = serviceEnv(namespace, infra, database.url, runDir);
  const stackOptions = { root: ROOT, runDir, env, envWithPorts: withOverrides(options.envWithPorts), readyTimeoutMs: READY_TIMEOUT_MS, stopGraceMs: STOP_GRACE_MS };
  const stack = await ServiceStack.launch(services(options.sttWorkers ?? 1, tasks), stackOptions).catch(async (error: unknown) => {
    await removeData();
    throw error;
  });
  const gateway = `ws://127.0.0.1:${stack.portOf('gateway')}`;
  return {
    demo,
    data,
    namespace,
    natsUrl: infra.natsUrl,
    logFile: stack.logFile,
    voiceUrl: (key) => `${gateway}/voice/${key}`,
    gatewayUrl: (pathname) => `${gateway}${pathname}`,
    restUrl: (pathname) => `http://127.0.0.1:${stack.portOf('rest-api')}${pathname}`,
    metricsUrl: (service, index = 0) => `http://127.0.0.1:${stack.portOf(service, index)}/metrics`,
    kill: (service, index, signal) => stack.service(service, index).kill(signal),
    stop: async () => {
      const unclean = await stack.stop();
      await removeData();
      const failed = failedTestsInFile();
      if (unclean.length > 0 || failed) await stack.printLogTail('a test or a service failed');
      if (unclean.length > 0) throw new Error(`services did not exit cleanly: ${unclean.join(', ')}; log: ${stack.logFile}`);
      // A log is kept only where something went wrong.
      if (!failed) await rm(runDir, { recursive: true, force: true });
    },
  };
}

function serviceEnv(namespace: string, infra: TestInfra, databaseUrl: string, runDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: infra.redisUrl,
    NATS_URL: infra.natsUrl,
    BUS_NAMESPACE: namespace,
    GATEWAY_REDIS_PREFIX: `${namespace}:gateway:`,
    // Kept beside the log: a failed run's calls can be listened to, a clean run leaves nothing.
    RECORDINGS_DIR: path.join(runDir, 'recordings'),
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  };
}

/** The task defaults below, then the spec's own variables over them. */
function withOverrides(overrides: PlatformOptions['envWithPorts']): NonNullable<PlatformOptions['envWithPorts']> {
  return (portOf) => ({ ...taskEnv(portOf), ...overrides?.(portOf) });
}

/** The dialer's simulator dials this run's gateway; webhooks may deliver to receivers on this machine. */
function taskEnv(portOf: (name: ServiceName) => number | undefined): NodeJS.ProcessEnv {
  return {
    TELEPHONY_PROVIDER: 'simulator',
    DIALER_GATEWAY_URL: `ws://127.0.0.1:${portOf('gateway')}`,
    WEBHOOKS_ALLOWED_HOSTS: 'localhost,127.0.0.1',
  };
}

/** The run's JetStream streams and Redis keys: nothing of it outlives the run. */
async function removeRunData(namespace: string, infra: TestInfra): Promise<void> {
  const bus = await Bus.connect({ url: infra.natsUrl, name: 'e2e-cleanup', namespace });
  try {
    await bus.removeStreams(Object.values(streams));
  } finally {
    await bus.drain();
  }
  const redis = new Redis(infra.redisUrl);
  try {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

function failedTestsInFile(): boolean {
  return (globalThis as Record<string, unknown>)[FAILED_FLAG] === true;
}
