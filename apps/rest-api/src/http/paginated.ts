import { z } from 'zod';
import type { PaginationMeta } from './envelope';
import type { JsonText } from './json-text';

/** The most items one list request returns (reference 002). */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 50;

/**
 * `?limit=&offset=` as every list endpoint takes them; spread it into a list query schema:
 * `z.object({ ...paginationQuery, enabled: queryBoolean.optional() })`.
 */
export const paginationQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  offset: z.coerce.number().int().min(0).default(0),
};

export const paginationQuerySchema = z.object(paginationQuery);
export type PageRequest = z.output<typeof paginationQuerySchema>;

/** `true`/`false` (and 1/0, yes/no) in a query string. */
export const queryBoolean = z.stringbool();

/**
 * A list handler's return value: the envelope puts `items` in `data` and the page figures in
 * `meta.pagination`. Return `paginated(rows, total, page)`.
 */
export class Paginated<T> {
  constructor(
    /** The items, or (hot list paths) their JSON array already serialized. */
    readonly items: readonly T[] | JsonText<T[]>,
    readonly pagination: PaginationMeta,
  ) {}
}

export function paginated<T>(items: readonly T[], total: number, page: PageRequest): Paginated<T> {
  return new Paginated(items, pageMeta(items.length, total, page));
}

/** A page whose `count` items are already one JSON array (`JsonText`). */
export function paginatedJson<T>(items: JsonText<T[]>, count: number, total: number, page: PageRequest): Paginated<T> {
  return new Paginated(items, pageMeta(count, total, page));
}

function pageMeta(count: number, total: number, page: PageRequest): PaginationMeta {
  return { total, limit: page.limit, offset: page.offset, has_more: page.offset + count < total };
}
