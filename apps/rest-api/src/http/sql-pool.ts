import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from '@parley/logging';
import { Pool, type QueryArrayConfig } from 'pg';

/** Every column as Postgres sent it: the hot reads build their JSON in SQL and pass it on. */
const AS_TEXT = { getTypeParser: () => (value: string) => value } as unknown as NonNullable<QueryArrayConfig['types']>;

/**
 * A plain `pg` pool for the statements on every request's path: the hot list reads
 * (`GET /api/v1/agents`, `GET /api/v1/calls`), the API-key lookup and its throttled `last_used_at`.
 * One prepared statement per query shape, every column returned as text, no ORM in between.
 * Everything else stays on the slices' Prisma clients.
 */
@Injectable()
export class SqlPool implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(databaseUrl: string, log: Logger, max = 10) {
    // UTC and ISO dates: timestamps print as `jsonTimestamp` reads them.
    this.pool = new Pool({ connectionString: databaseUrl, max, options: '-c TimeZone=UTC -c DateStyle=ISO' });
    // An idle connection that breaks (Postgres restarting) is dropped and replaced on next use;
    // without a listener its error would end the process.
    this.pool.on('error', (err) => log.warn({ err }, 'idle postgres connection failed'));
  }

  /**
   * The rows of the prepared statement `name` (prepared once per connection), as text columns.
   * `name` must identify `text` exactly: a different text under a known name is a Postgres error.
   */
  async textRows(name: string, text: string, values: readonly unknown[]): Promise<(string | null)[][]> {
    const result = await this.pool.query<(string | null)[]>({ name, text, values: [...values], rowMode: 'array', types: AS_TEXT });
    return result.rows;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}
