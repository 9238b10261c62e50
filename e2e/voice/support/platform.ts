import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Bus } from '@parley/bus';
import { streams } from '@parley/contracts';
import { testInfra, uniqueNamespace } from '@parley/testing';
import Redis from 'ioredis';
import { FAILED_FLAG } from './failure-flag';
import { createPlatformDatabase } from './fixtures/database';
import { seedDemoData, type SeedResult } from './fixtures/seed';
import { TestData } from './fixtures/test-data';
import { freePorts } from './free-ports';
import { describeExit, type ServiceName, ServiceProcess } from './service-process';

const ROOT = path.resolve(__dirname, '../../..');
/** The voice path end to end; dialer and webhooks play no part in a call. */
const SERVICES: readonly ServiceName[] = ['rest-api', 'billing', 'stt-worker', 'llm-worker', 'tts-worker', 'gateway'];
/** Six Node processes compiling TypeScript at once on two busy cores take a while. */
const READY_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 5_000;
const LOG_TAIL_LINES = 300;

/** A running platform of its own: database, bus namespace, Redis prefix and ports. */
export interface Platform {
  /** The demo organization, agent and keys, as `npm run seed` makes them. */
  readonly demo: SeedResult;
  /** Makes more organizations, agents and keys in the platform's database. */
  readonly data: TestData;
  /** The bus namespace the services run in; a client connected with it reaches them. */
  readonly namespace: string;
  readonly natsUrl: string;
  /** Every service's output, one line per log entry prefixed with the service name. */
  readonly logFile: string;
  /** `ws://127.0.0.1:<gateway port>/voice/<key>` */
  voiceUrl(key: string): string;
  /** `ws://127.0.0.1:<gateway port><path>`, for paths other than the voice one. */
  gatewayUrl(pathname: string): string;
  /** SIGTERMs every service and throws unless each exited with code 0; then removes the run's data. */
  stop(): Promise<void>;
}

/**
 * Starts the real platform (six services as child processes, as `npm start` runs them) against
 * a fresh database seeded with the demo data, in a NATS namespace and Redis prefix no other run
 * shares. Resolves once every `/readyz` answers 200.
 */
export async function startPlatform(label: string): Promise<Platform> {
  const infra = await testInfra();
  const namespace = uniqueNamespace(`e2e_${label}`);
  const runDir = path.join(ROOT, 'tmp/e2e', namespace);
  await mkdir(runDir, { recursive: true });
  const logFile = path.join(runDir, 'platform.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  const database = await createPlatformDatabase();
  const demo = await seedDemoData(database.url, runDir);
  const data = new TestData(database.url);
  const ports = await freePorts(SERVICES.length);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    REDIS_URL: infra.redisUrl,
    NATS_URL: infra.natsUrl,
    BUS_NAMESPACE: namespace,
    GATEWAY_REDIS_PREFIX: `${namespace}:gateway:`,
    LOG_LEVEL: 'info',
    LOG_PRETTY: 'false',
    SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
  };
  const services = SERVICES.map((name, i) => new ServiceProcess(name, ports[i], { root: ROOT, env, log }));
  const cleanUp = async () => {
    await data.close();
    await removeRunData(namespace, infra);
    await database.drop();
  };
  try {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await Promise.all(services.map((service) => service.waitUntilReady(deadline)));
  } catch (error) {
    await stopAll(services, log);
    await cleanUp();
    await printLogTail(logFile, `start-up failed: ${(error as Error).message}`);
    throw error;
  }
  const gatewayPort = ports[SERVICES.indexOf('gateway')];
  return {
    demo,
    data,
    namespace,
    natsUrl: infra.natsUrl,
    logFile,
    voiceUrl: (key) => `ws://127.0.0.1:${gatewayPort}/voice/${key}`,
    gatewayUrl: (pathname) => `ws://127.0.0.1:${gatewayPort}${pathname}`,
    stop: async () => {
      const unclean = await stopAll(services, log);
      await cleanUp();
      if (unclean.length > 0 || failedTestsInFile()) await printLogTail(logFile, 'a test or a service failed');
      if (unclean.length > 0) throw new Error(`services did not exit cleanly: ${unclean.join(', ')}; log: ${logFile}`);
    },
  };
}

/** Stops every service at once; returns a description of each that did not exit with code 0. */
async function stopAll(services: readonly ServiceProcess[], log: WriteStream): Promise<string[]> {
  const exits = await Promise.all(services.map((service) => service.stop(SHUTDOWN_TIMEOUT_MS + 5_000)));
  await new Promise((resolve) => log.end(resolve));
  return exits.flatMap((exit, i) => (exit.code === 0 ? [] : [`${services[i].name} (${describeExit(exit)})`]));
}

/** The run's JetStream streams and Redis keys: nothing of it outlives the run. */
async function removeRunData(namespace: string, infra: { natsUrl: string; redisUrl: string }): Promise<void> {
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

async function printLogTail(logFile: string, why: string): Promise<void> {
  const lines = (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n');
  const tail = lines.slice(-LOG_TAIL_LINES).join('\n');
  console.error(`${why}; the platform's last ${LOG_TAIL_LINES} log lines (all of them in ${logFile}):\n${tail}`);
}
