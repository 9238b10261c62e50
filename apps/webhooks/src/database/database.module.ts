import { createPrismaClient } from '@parley/db-webhooks';
import { SliceClientsModule } from '@parley/service';
import { WEBHOOKS_DB } from './database.tokens';

/** The webhooks slice's Prisma client, shared by the app's features (`@Inject(WEBHOOKS_DB)`). */
export const DatabaseModule = {
  forRoot: (databaseUrl: string) =>
    SliceClientsModule.forRoot([{ token: WEBHOOKS_DB, create: () => createPrismaClient(databaseUrl) }]),
};
