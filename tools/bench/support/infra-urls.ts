/** Where the platform's infrastructure is: the same variables and defaults the services use. */
export const DATABASE_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/parley';
export const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
