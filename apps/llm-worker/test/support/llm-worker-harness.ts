import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Bus } from '@parley/bus';
import { createLogger } from '@parley/logging';
import { createServiceApp } from '@parley/service';
import { testInfra } from '@parley/testing';
import { loadConfig } from '../../src/config';
import { LlmWorkerModule, type LlmWorkerOptions } from '../../src/llm-worker.module';

export interface RunningWorker {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>` of its /healthz, /readyz and /metrics. */
  readonly base: string;
}

/**
 * Starts the llm-worker app as `main.ts` would, on a free port, inside `namespace` on the real NATS;
 * `env` adds environment variables (an OpenAI base URL, tool settings).
 */
export async function startWorker(namespace: string, options: Omit<LlmWorkerOptions, 'busNamespace'> = {}, env: Record<string, string> = {}) {
  const { natsUrl } = await testInfra();
  const config = loadConfig({ ...env, NATS_URL: natsUrl, PORT: '0' });
  const logger = createLogger({ service: 'llm-worker', level: 'warn' });
  const app = await createServiceApp({
    name: 'llm-worker',
    module: LlmWorkerModule.forRoot(config, logger, { ...options, busNamespace: namespace }),
    logger,
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, base: `http://127.0.0.1:${port}` } satisfies RunningWorker;
}

/** A second connection in the same namespace, playing the gateway. */
export async function connectClient(namespace: string): Promise<Bus> {
  const { natsUrl } = await testInfra();
  return Bus.connect({
    url: natsUrl,
    name: 'llm-worker-spec',
    namespace,
    logger: createLogger({ service: 'llm-worker-spec', level: 'warn' }),
  });
}
