import { containersAvailable, startContainer } from './containers';
import { INFRA_SERVICES, type InfraService, type TestInfra } from './infra-services';
import { answersTcp } from './tcp-probe';

/** Some infrastructure is neither configured, nor running locally, nor startable in a container. */
export class InfraUnavailableError extends Error {
  constructor(readonly missing: readonly string[], message: string) {
    super(message);
    this.name = 'InfraUnavailableError';
  }
}

export interface ResolveInfraOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly services?: readonly InfraService[];
  /** Whether testcontainers may start what is missing (when a container runtime works). */
  readonly containers?: boolean;
}

let shared: Promise<TestInfra> | undefined;

/**
 * The infrastructure every integration test of this process shares, found once:
 * `DATABASE_URL`/`REDIS_URL`/`NATS_URL` when set, else the 127.0.0.1 default when it answers,
 * else a testcontainers container; when none of these works, one error says what to start.
 */
export function testInfra(): Promise<TestInfra> {
  shared ??= resolveInfra();
  return shared;
}

export async function resolveInfra(options: ResolveInfraOptions = {}): Promise<TestInfra> {
  const env = options.env ?? process.env;
  const services = options.services ?? INFRA_SERVICES;
  const urls = await Promise.all(services.map((service) => locate(service, env)));
  const missing = services.filter((_, index) => urls[index] === undefined);
  if (missing.length > 0) {
    if (options.containers === false || !(await containersAvailable())) throw unavailable(missing);
    const started = await Promise.all(missing.map((service) => startContainer(service)));
    missing.forEach((service, index) => (urls[services.indexOf(service)] = started[index]));
  }
  return Object.fromEntries(services.map((service, index) => [service.key, urls[index]])) as unknown as TestInfra;
}

async function locate(service: InfraService, env: ResolveInfraOptions['env'] = {}): Promise<string | undefined> {
  // An explicit URL is the developer's decision; probing it would only hide their typo's error.
  const configured = env[service.envVar];
  if (configured) return configured;
  return (await answersTcp(service.defaultUrl)) ? service.defaultUrl : undefined;
}

function unavailable(missing: readonly InfraService[]): InfraUnavailableError {
  const lines = missing.map(
    (service) =>
      `  ${service.name}: set ${service.envVar}, or start it at ${service.defaultUrl}:\n    ${service.startCommand}`,
  );
  return new InfraUnavailableError(
    missing.map((service) => service.name),
    `Integration tests need ${missing.map((service) => service.name).join(', ')}, and found none: no URL ` +
      `variable is set, nothing answers at the default address, and no container runtime (Docker) ` +
      `works for testcontainers.\n${lines.join('\n')}`,
  );
}
