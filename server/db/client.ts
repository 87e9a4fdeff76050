// One Drizzle handle over either the embedded PGlite or a real PostgreSQL (node-postgres pool).
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { OperatorError } from '../lib/errors.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or a transaction in progress. */
export type Queryable = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export type DatabaseHandle = {
  kind: DatabaseKind;
  db: Db;
  /** the embedded engine itself, when the database is PGlite (dumps, for tests and backups) */
  pglite?: PGlite;
  close(): Promise<void>;
};

export class DatabaseConfigError extends OperatorError {}

export async function openPglite(opts: {
  dataDir?: string;
  loadDataDir?: Blob | File;
}): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  if (opts.dataDir) lock = lockDataDir(opts.dataDir);
  try {
    const client = new PGlite({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      extensions: { pg_trgm },
    });
    await client.waitReady;
    // Drizzle's PGlite and node-postgres databases share PgDatabase; only the result HKT differs.
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      kind: 'pglite',
      db,
      pglite: client,
      async close() {
        await client.close();
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10 });
  try {
    await checkPostgresEncoding(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async close() {
      await pool.end();
    },
  };
}

/** Chinese trigram search needs a UTF-8 database with a character-classifying (non-C) ctype. */
export async function checkPostgresEncoding(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ encoding: string; ctype: string; version: number }>(
    `select pg_encoding_to_char(encoding) as encoding, datctype as ctype,
            current_setting('server_version_num')::int as version
       from pg_database where datname = current_database()`,
  );
  const row = rows[0];
  if (!row) throw new DatabaseConfigError('Could not read the database encoding.');
  if (row.version < 150000) {
    throw new DatabaseConfigError(`PostgreSQL 15 or newer is required; this server is ${row.version}.`);
  }
  if (row.encoding !== 'UTF8' || /^(C|POSIX)$/i.test(row.ctype)) {
    throw new DatabaseConfigError(
      `The database must be UTF-8 with a non-C character type (found encoding ${row.encoding}, ctype ${row.ctype}); ` +
        `Chinese search needs it. Create it with: CREATE DATABASE chanjiao ENCODING 'UTF8' ` +
        `LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0;`,
    );
  }
}

export async function openDatabase(
  database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string },
): Promise<DatabaseHandle> {
  if (database.kind === 'postgres') return openPostgres(database.url);
  return openPglite({ dataDir: database.dataDir });
}

export function isFreshPgliteDir(dataDir: string): boolean {
  return !fs.existsSync(`${dataDir}/PG_VERSION`);
}

/**
 * Run raw SQL and return its rows. Both drivers answer `execute` with an object carrying `rows`
 * (PGlite's Results and node-postgres' QueryResult); the generic HKT types it as unknown.
 */
export async function queryRows<T extends Record<string, unknown>>(
  db: Queryable,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  const res = (await db.execute(query)) as { rows: T[] };
  return res.rows;
}
