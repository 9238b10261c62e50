/** A debit asked for more points than the balance holds; nothing was taken. */
export class InsufficientBalanceError extends Error {
  override readonly name = 'InsufficientBalanceError';

  constructor(
    readonly orgId: string,
    readonly points: number,
  ) {
    super(`the balance of ${orgId} is below ${points} points`);
  }
}

/** Postgres SQLSTATE of a failed query, through Prisma's error shapes (raw queries and client calls). */
export function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } } | null;
  if (e?.code === 'P2002') return '23505';
  return e?.meta?.driverAdapterError?.cause?.originalCode;
}

/** Postgres unique violation: a concurrent writer used the same idempotency key first. */
export function isUniqueViolation(err: unknown): boolean {
  return sqlStateOf(err) === '23505';
}
