import {
  type DynamicModule,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { type BillingClient, createPrismaClient } from '@parley/db-billing';
import type { Logger } from '@parley/logging';
import { LOGGER, readinessCheckProvider } from '@parley/service';
import { BILLING_DB } from './database.tokens';

/**
 * The billing slice's Prisma client, created once for the app, checked by `/readyz` through
 * the pool the features use, and disconnected after HTTP has stopped.
 */
@Module({})
export class DatabaseModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        { provide: BILLING_DB, useFactory: () => createPrismaClient(databaseUrl) },
        readinessCheckProvider(postgresThroughClient, [BILLING_DB]),
      ],
      exports: [BILLING_DB],
    };
  }

  constructor(
    @Inject(BILLING_DB) private readonly billing: BillingClient,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  /**
   * The first query loads Prisma's query compiler and opens a connection (a quarter second
   * idle, seconds on a busy host): pay it at boot, not in the first request or readiness probe.
   * A database that is down only delays readiness, never the start.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.billing.$queryRaw`SELECT 1`.catch((err: unknown) => {
      this.log.warn({ err }, 'database not reachable at boot');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.billing.$disconnect();
  }
}

function postgresThroughClient(billing: BillingClient) {
  return {
    name: 'postgres',
    check: async () => {
      await billing.$queryRaw`SELECT 1`;
    },
  };
}
