import { JsonText } from './json-text';
import type { SqlPool } from './sql-pool';

/** One page of a list, already serialized: the items' JSON array, how many, and the total. */
export interface JsonPage<T> {
  readonly items: JsonText<T[]>;
  readonly count: number;
  readonly total: number;
}

type TextRow = readonly (string | null)[];

/** What a list query names: its statement, the columns and filter, and how one row is written. */
export interface ListQuery {
  /** Prepared statement name, unique per SQL text (e.g. per combination of filters). */
  readonly name: string;
  /** The columns `writeRow` reads, in its order: `a.id, a.name, …`. */
  readonly columns: string;
  /** `"agents"."agents" a WHERE a.org_id = $1 …`: the rows of the list, parameters from $1. */
  readonly from: string;
  /** The row alias used in `columns` and `from`, e.g. `a`. */
  readonly alias: string;
  /** Columns of the order, newest first: `['created_at', 'id']` sorts by both, descending. */
  readonly newestFirst: readonly string[];
  readonly values: readonly unknown[];
  readonly limit: number;
  readonly offset: number;
  /** The JSON of one item from its columns (as text, in `columns` order). */
  readonly writeRow: (row: TextRow) => string;
}

/**
 * A list page in one round trip: the window count gives the total beside the page's rows, which
 * come back as text and are written straight into one JSON array (no row objects, no
 * `JSON.stringify` of the page). A page past the end has no row to carry the total, so only then
 * a second statement counts.
 */
export async function readJsonPage<T>(pool: SqlPool, query: ListQuery): Promise<JsonPage<T>> {
  const rows = await pool.textRows(query.name, pageSql(query), [...query.values, query.limit, query.offset]);
  const totalColumn = rows[0]?.length ? rows[0].length - 1 : 0;
  let json = '[';
  for (let i = 0; i < rows.length; i++) json += (i === 0 ? '' : ',') + query.writeRow(rows[i]);
  const total = rows.length > 0 ? Number(rows[0][totalColumn]) : await countAll(pool, query);
  return { items: new JsonText<T[]>(`${json}]`), count: rows.length, total };
}

function pageSql(query: ListQuery): string {
  const n = query.values.length;
  const order = query.newestFirst.map((column) => `${query.alias}.${column} DESC`).join(', ');
  return (
    `SELECT ${query.columns}, count(*) OVER () FROM ${query.from} ` +
    `ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`
  );
}

async function countAll(pool: SqlPool, query: ListQuery): Promise<number> {
  if (query.offset === 0) return 0;
  const [row] = await pool.textRows(`${query.name}:count`, `SELECT count(*) FROM ${query.from}`, query.values);
  return Number(row?.[0] ?? 0);
}
