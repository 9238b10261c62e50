/** A migration problem a person has to resolve; retrying without a change gives the same result. */
export class MigrationError extends Error {
  constructor(
    readonly slice: string,
    readonly migration: string | undefined,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`[${slice}${migration ? `/${migration}` : ''}] ${message}`, options);
    this.name = 'MigrationError';
  }
}
