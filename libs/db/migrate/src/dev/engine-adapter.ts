import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  ColumnTypeEnum,
  DriverAdapterError,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
} from '@prisma/driver-adapter-utils';
import { Client, Pool, type DatabaseError } from 'pg';
import { quoteIdent, withDatabase } from '../database-url';
import { dropDatabase, ensureDatabase } from '../ensure-database';

/**
 * The pg driver adapter, bent where the schema engine needs more than Prisma Client does:
 * catalog columns of type "char", whole-script execution and a shadow database that really goes.
 */
export class SliceMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = '@prisma/adapter-pg';
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(
    private readonly databaseUrl: string,
    private readonly schema: string,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return this.track(await connectAdapter(this.databaseUrl, this.schema));
  }

  /** A throw-away database, dropped WITH (FORCE) once its pool has closed. */
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowUrl = withDatabase(this.databaseUrl, `prisma_shadow_${randomUUID().replace(/-/g, '')}`);
    await ensureDatabase(shadowUrl);
    const adapter = await connectAdapter(shadowUrl, this.schema);
    await adapter.executeScript(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.schema)}`);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await dropDatabase(shadowUrl);
    };
    return this.track(adapter);
  }

  /** Disposes what the engine left open: freeing the engine does not close its pools. */
  async close(): Promise<void> {
    await Promise.all([...this.open].map((adapter) => adapter.dispose()));
  }

  private track(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    this.open.add(adapter);
    adapter.dispose = async () => {
      if (this.open.delete(adapter)) await dispose();
    };
    return adapter;
  }
}

async function connectAdapter(url: string, schema: string): Promise<SqlDriverAdapter> {
  // Migration scripts use unqualified names, so they must resolve against the slice's schema.
  const pool = new Pool({ connectionString: url, Client: CharAsTextClient, options: `-c search_path=${schema}` });
  const adapter = typeCharColumns(await new PrismaPg(pool, { schema, disposeExternalPool: true }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => typeCharColumns(await startTransaction(isolationLevel));
  // The adapter splits scripts at every ";", which breaks function bodies and string literals;
  // Postgres' simple query protocol runs a whole script as one implicit transaction instead.
  adapter.executeScript = async (script: string) => {
    await pool.query(script).catch((error: DatabaseError) => {
      throw new DriverAdapterError({
        kind: 'postgres',
        code: error.code ?? 'N/A',
        severity: error.severity ?? 'ERROR',
        message: error.message,
        detail: error.detail,
        column: error.column,
        hint: error.hint,
      });
    });
  };
  return adapter;
}

const CHAR_OID = 18;
const TEXT_OID = 25;
/** Set on a result's rows: the positions of its "char" columns. */
const CHAR_COLUMNS = Symbol('charColumns');

interface RawResult {
  fields?: { dataTypeID: number }[];
  rows?: unknown[] & { [CHAR_COLUMNS]?: number[] };
}

/**
 * The pg adapter rejects Postgres' one-byte "char" type, which the engine's catalog queries return
 * (contype, relkind, ...), while the engine wants those columns typed as characters. The client
 * below lets them through as text and notes their positions; queryRaw then types them Character.
 */
function relabelChar<T>(result: T): T {
  for (const { fields, rows } of (Array.isArray(result) ? result : [result]) as RawResult[]) {
    const positions: number[] = [];
    fields?.forEach((field, position) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      positions.push(position);
    });
    if (positions.length && rows) rows[CHAR_COLUMNS] = positions;
  }
  return result;
}

class CharAsTextClient extends Client {}
const baseQuery = Client.prototype.query as (...args: unknown[]) => unknown;
CharAsTextClient.prototype.query = function (this: Client, ...args: unknown[]): unknown {
  const callback = args[args.length - 1];
  if (typeof callback === 'function') {
    args[args.length - 1] = (error: unknown, result: unknown) => callback(error, result && relabelChar(result));
    return baseQuery.apply(this, args);
  }
  const returned = baseQuery.apply(this, args);
  return returned instanceof Promise ? returned.then(relabelChar) : returned;
} as Client['query'];

/** Gives the columns noted by relabelChar their Character type back, on the adapter and its transactions. */
function typeCharColumns<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    const positions = (result.rows as RawResult['rows'])?.[CHAR_COLUMNS] ?? [];
    for (const position of positions) result.columnTypes[position] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}
