import { slice } from '@parley/db-calls';
import { isoTimestamp, type JsonPageQuery } from '../http/json-page';
import type { CallListQuery } from './call-query.schema';

const CALLS = `"${slice.schema}"."calls"`;
const TRANSCRIPT = `"${slice.schema}"."transcript_entries"`;

/**
 * One call as `toCallView` shows it, built by Postgres for the list page (the test "the list
 * shows each call as GET /calls/:id does" keeps the two in step).
 */
const CALL_JSON = `json_build_object(
  'id', c.id, 'agent_id', c.agent_id, 'task_id', c.task_id, 'direction', c.direction,
  'channel', c.channel, 'status', c.status, 'end_reason', c.end_reason,
  'from_number', c.from_number, 'to_number', c.to_number,
  'started_at', ${isoTimestamp('c.started_at')}, 'ended_at', ${isoTimestamp('c.ended_at')},
  'duration', round(c.duration_ms / 1000.0)::int, 'duration_ms', c.duration_ms, 'turns', c.turns,
  'message_count', (SELECT count(*) FROM ${TRANSCRIPT} t WHERE t.call_id = c.id),
  'created_at', ${isoTimestamp('c.created_at')}, 'updated_at', ${isoTimestamp('c.updated_at')})`;

const FILTERS = [
  { field: 'task_id', column: 'c.task_id', cast: 'uuid' },
  { field: 'agent_id', column: 'c.agent_id', cast: 'uuid' },
  { field: 'status', column: 'c.status', cast: `"${slice.schema}"."call_status"` },
] as const;

/**
 * `GET /calls`: an organization's calls, newest first, with the optional filters. Each
 * combination of filters is its own prepared statement, so Postgres plans each with its index.
 */
export function callListQuery(orgId: string, query: CallListQuery): JsonPageQuery {
  const conditions = ['c.org_id = $1::uuid'];
  const values: unknown[] = [orgId];
  const used: string[] = [];
  for (const { field, column, cast } of FILTERS) {
    const value = query[field];
    if (value === undefined) continue;
    values.push(value);
    used.push(field);
    conditions.push(`${column} = $${values.length}::${cast}`);
  }
  return {
    name: ['calls.list', ...used].join('.'),
    from: `${CALLS} c WHERE ${conditions.join(' AND ')}`,
    item: CALL_JSON,
    alias: 'c',
    newestFirst: ['created_at', 'id'],
    values,
    limit: query.limit,
    offset: query.offset,
  };
}
