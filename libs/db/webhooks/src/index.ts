import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { slice } from './slice';

export * from './generated/client';
export { slice };

/** The webhooks client under a name that stays unambiguous beside other slices' clients. */
export type WebhooksClient = PrismaClient;

/**
 * A Prisma client whose queries address the "webhooks" Postgres schema of `databaseUrl`.
 * It opens connections lazily; call `$disconnect()` on shutdown.
 */
export function createPrismaClient(databaseUrl: string): WebhooksClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }, { schema: slice.schema }) });
}
