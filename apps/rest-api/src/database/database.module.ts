import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type AgentsClient, createPrismaClient as createAgentsClient } from '@parley/db-agents';
import { createPrismaClient as createIdentityClient, type IdentityClient } from '@parley/db-identity';
import { readinessCheckProvider } from '@parley/service';
import { AGENTS_DB, IDENTITY_DB } from './database.tokens';

/**
 * The Prisma clients of the slices rest-api owns, created once for the app, checked by
 * `/readyz` through the same pools the features use, and disconnected after HTTP has stopped.
 */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
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
  ) {}

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
