import { slice } from '@parley/db-calls';
import { type ListQuery } from '../http/json-page';
import { jsonRaw, jsonString, jsonTimestamp, jsonToken } from '../http/json-writer';
import type { CallListQuery } from './call-query.schema';

const CALLS = `"${slice.schema}"."calls"`;

/** The columns `writeCall` reads, in its order. */
const COLUMNS = [
  'c.id', 'c.agent_id', 'c.task_id', 'c.direction', 'c.channel', 'c.status', 'c.end_reason',
  'c.from_number', 'c.to_number', 'c.started_at', 'c.ended_at', 'c.duration_ms', 'c.turns',
  'c.message_count', 'c.created_at', 'c.updated_at',
].join(', ');

/**
 * One call as `toCallView` shows it, written from its text columns (the spec "lists each call
 * exactly as GET /calls/:id shows its list fields" keeps the two in step).
 */
function writeCall(r: readonly (string | null)[]): string {
  const duration = r[11] === null ? 'null' : String(Math.round(Number(r[11]) / 1000));
  return (
    `{"id":${jsonToken(r[0])},"agent_id":${jsonToken(r[1])},"task_id":${jsonToken(r[2])},` +
    `"direction":${jsonToken(r[3])},"channel":${jsonString(r[4])},"status":${jsonToken(r[5])},` +
    `"end_reason":${jsonString(r[6])},"from_number":${jsonString(r[7])},"to_number":${jsonString(r[8])},` +
    `"started_at":${jsonTimestamp(r[9])},"ended_at":${jsonTimestamp(r[10])},"duration":${duration},` +
    `"duration_ms":${jsonRaw(r[11])},"turns":${jsonRaw(r[12])},"message_count":${jsonRaw(r[13])},` +
    `"created_at":${jsonTimestamp(r[14])},"updated_at":${jsonTimestamp(r[15])}}`
  );
}

const FILTERS = [
  { field: 'task_id', column: 'c.task_id', cast: 'uuid' },
  { field: 'agent_id', column: 'c.agent_id', cast: 'uuid' },
  { field: 'status', column: 'c.status', cast: `"${slice.schema}"."call_status"` },
] as const;

/**
 * `GET /calls`: an organization's calls, newest first, with the optional filters. Each
 * combination of filters is its own prepared statement, so Postgres plans each with its index.
 */
export function callListQuery(orgId: string, query: CallListQuery): ListQuery {
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
    columns: COLUMNS,
    from: `${CALLS} c WHERE ${conditions.join(' AND ')}`,
    alias: 'c',
    newestFirst: ['created_at', 'id'],
    values,
    limit: query.limit,
    offset: query.offset,
    writeRow: writeCall,
  };
}
