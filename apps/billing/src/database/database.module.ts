import { type DynamicModule, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { type BillingClient, createPrismaClient } from '@parley/db-billing';
import { readinessCheckProvider } from '@parley/service';
import { BILLING_DB } from './database.tokens';

/**
 * The billing slice's Prisma client, created once for the app, checked by `/readyz` through
 * the pool the features use, and disconnected after HTTP has stopped.
 */
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
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

  constructor(@Inject(BILLING_DB) private readonly billing: BillingClient) {}

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
