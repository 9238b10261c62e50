/** The dialer slice's Prisma client the tasks-count RPC reads through. */
export const TASKS_COUNT_DB = Symbol('dialer:tasks-count-db');
