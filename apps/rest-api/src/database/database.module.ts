import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type AgentsClient, createPrismaClient as createAgentsClient } from '@parley/db-agents';
import { createPrismaClient as createIdentityClient, type IdentityClient } from '@parley/db-identity';
import type { Logger } from '@parley/logging';
import { LOGGER, readinessCheckProvider } from '@parley/service';
import { AGENTS_DB, IDENTITY_DB } from './database.tokens';

/**
 * The Prisma clients of the slices rest-api owns, created once for the app, checked by
 * `/readyz` through the same pools the features use, and disconnected after HTTP has stopped.
 */
@Module({})
export class DatabaseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: IDENTITY_DB, useFactory: () => createIdentityClient(databaseUrl) },
        { provide: AGENTS_DB, useFactory: () => createAgentsClient(databaseUrl) },
        readinessCheckProvider(postgresThroughClients, [IDENTITY_DB, AGENTS_DB]),
      ],
      exports: [IDENTITY_DB, AGENTS_DB],
    };
  }

  constructor(
    @Inject(IDENTITY_DB) private readonly identity: IdentityClient,
    @Inject(AGENTS_DB) private readonly agents: AgentsClient,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /**
   * The first query loads Prisma's query compiler and opens a connection (a quarter second
   * idle, seconds on a busy host): pay it at boot, not in the first request or readiness probe.
   * A database that is down only delays readiness, never the start.
   */
  async onApplicationBootstrap(): Promise<void> {
    await postgresThroughClients(this.identity, this.agents)
      .check()
      .catch((err: unknown) => this.log.warn({ err }, 'database not reachable at boot'));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.identity.$disconnect(), this.agents.$disconnect()]);
  }
}

function postgresThroughClients(identity: IdentityClient, agents: AgentsClient) {
  return {
    name: 'postgres',
    check: async () => {
      await Promise.all([identity.$queryRaw`SELECT 1`, agents.$queryRaw`SELECT 1`]);
    },
  };
}
