import { BusError } from '@parley/bus';
import { Prisma } from '@parley/db-dialer';

/** Runs `write`; a unique-index violation becomes CONFLICT with `message`, anything else is rethrown. */
export async function conflictOnDuplicate<T>(write: () => Promise<T>, message: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new BusError('CONFLICT', message);
    throw err;
  }
}
