import { createPrismaClient } from '@parley/db-dialer';
import { SliceClientsModule } from '@parley/service';
import { DIALER_DB } from './database.tokens';

/** The dialer slice's Prisma client, shared by the app's features (`@Inject(DIALER_DB)`). */
export const DatabaseModule = {
  forRoot: (databaseUrl: string) =>
    SliceClientsModule.forRoot([{ token: DIALER_DB, create: () => createPrismaClient(databaseUrl) }]),
};
