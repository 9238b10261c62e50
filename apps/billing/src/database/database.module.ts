import { createPrismaClient } from '@parley/db-billing';
import { SliceClientsModule } from '@parley/service';
import { BILLING_DB } from './database.tokens';

/** The billing slice's Prisma client, shared by the app's features (`@Inject(BILLING_DB)`). */
export const DatabaseModule = {
  forRoot: (databaseUrl: string) =>
    SliceClientsModule.forRoot([{ token: BILLING_DB, create: () => createPrismaClient(databaseUrl) }]),
};
