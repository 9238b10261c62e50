import { JsonText } from './json-text';
import type { SqlPool } from './sql-pool';

/** One page of a list, serialized by Postgres: the items' JSON array, how many, and the total. */
export interface JsonPage<T> {
  readonly items: JsonText<T[]>;
  readonly count: number;
  readonly total: number;
}

/** What a list query names: its statement, the table with its filter, and the JSON of one row. */
export interface JsonPageQuery {
  /** Prepared statement name, unique per SQL text (e.g. per combination of filters). */
  readonly name: string;
  /** `"agents"."agents" a WHERE a.org_id = $1 …`: the rows of the list, parameters from $1. */
  readonly from: string;
  /** `json_build_object(…)` of one row (alias as in `from`). */
  readonly item: string;
  /** The row alias used in `from` and `item`, e.g. `a`. */
  readonly alias: string;
  /** Columns of the order, newest first: `['created_at', 'id']` sorts by both, descending. */
  readonly newestFirst: readonly string[];
  readonly values: readonly unknown[];
  readonly limit: number;
  readonly offset: number;
}

/**
 * A list page in one round trip: the window count gives the total beside the page's rows, and
 * `json_agg` returns the page as one JSON text. A page past the end has no row to carry the total,
 * so only then a second statement counts.
 */
export async function readJsonPage<T>(pool: SqlPool, query: JsonPageQuery): Promise<JsonPage<T>> {
  const [row] = await pool.textRows(query.name, pageSql(query), [...query.values, query.limit, query.offset]);
  const count = Number(row?.[1] ?? 0);
  const total = row?.[2] != null ? Number(row[2]) : await countAll(pool, query);
  return { items: new JsonText<T[]>(row?.[0] ?? '[]'), count, total };
}

function pageSql(query: JsonPageQuery): string {
  const n = query.values.length;
  const inner = query.newestFirst.map((column) => `${query.alias}.${column} DESC`).join(', ');
  const outer = query.newestFirst.map((column) => `page.${column} DESC`).join(', ');
  const columns = query.newestFirst.map((column) => `${query.alias}.${column}`).join(', ');
  return (
    `SELECT coalesce(json_agg(page.item ORDER BY ${outer}), '[]'::json), count(*), max(page.total) FROM (` +
    `SELECT ${query.item} AS item, count(*) OVER () AS total, ${columns} FROM ${query.from} ` +
    `ORDER BY ${inner} LIMIT $${n + 1} OFFSET $${n + 2}) page`
  );
}

async function countAll(pool: SqlPool, query: JsonPageQuery): Promise<number> {
  if (query.offset === 0) return 0;
  const [row] = await pool.textRows(`${query.name}:count`, `SELECT count(*) FROM ${query.from}`, query.values);
  return Number(row?.[0] ?? 0);
}

/** A timestamptz as `Date.prototype.toISOString()` writes it (millisecond columns). */
export function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
