import { type DynamicModule, type InjectionToken, Module, type Provider } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { readinessCheckProvider } from '../readiness/readiness-check.provider';
import { LOGGER } from '../tokens';

/** What the service kit needs of a slice's Prisma client. */
export interface SliceClient {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $disconnect(): Promise<void>;
}

/** One slice client of the app: the token features inject it by, and how to make it. */
export interface SliceClientProvider {
  readonly token: InjectionToken;
  readonly create: () => SliceClient;
}

async function ping(clients: readonly SliceClient[]): Promise<void> {
  await Promise.all(clients.map((client) => client.$queryRawUnsafe('SELECT 1')));
}

/**
 * Warms the clients at boot and disconnects them after HTTP has stopped. The first query loads
 * Prisma's query compiler and opens a connection (a quarter second idle, seconds on a busy host):
 * pay it at boot, not in the first request or readiness probe. A database that is down only
 * delays readiness, never the start.
 */
class SliceClientsLifecycle {
  constructor(
    private readonly clients: readonly SliceClient[],
    private readonly log: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ping(this.clients).catch((err: unknown) => this.log.warn({ err }, 'database not reachable at boot'));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.$disconnect()));
  }
}

/**
 * The Prisma clients of the slices an app owns, created once, checked by `/readyz` through the
 * same pools the features use (check name `postgres`), warmed at boot and disconnected at shutdown.
 */
@Module({})
export class SliceClientsModule {
  static forRoot(slices: readonly SliceClientProvider[]): DynamicModule {
    const tokens = slices.map((slice) => slice.token);
    const clients: Provider[] = slices.map((slice) => ({ provide: slice.token, useFactory: slice.create }));
    return {
      module: SliceClientsModule,
      global: true,
      providers: [
        ...clients,
        readinessCheckProvider((...all: SliceClient[]) => ({ name: 'postgres', check: () => ping(all) }), tokens),
        {
          provide: SliceClientsLifecycle,
          inject: [LOGGER, ...tokens],
          useFactory: (log: Logger, ...all: SliceClient[]) => new SliceClientsLifecycle(all, log),
        },
      ],
      exports: tokens,
    };
  }
}
