// Facts of the real-PostgreSQL path (the PostgreSQL tier runs this file; on PGlite it checks the embedded engine).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { DatabaseConfigError, openPostgres, queryRows } from '../../server/db/client.ts';
import { createTestApp, type TestApp } from '../setup/factories.ts';

const pgUrl = process.env.CHANJIAO_TEST_PG_URL;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('the database engine', () => {
  it('is UTF-8 with a character-classifying ctype, and pg_trgm splits Chinese into trigrams', async () => {
    const [row] = await queryRows<{ enc: string; ctype: string }>(
      t.db,
      sql`select pg_encoding_to_char(encoding) as enc, datctype as ctype from pg_database where datname = current_database()`,
    );
    expect(row?.enc).toBe('UTF8');
    expect(row?.ctype).not.toMatch(/^(C|POSIX)$/);
    const [tri] = await queryRows<{ n: number }>(
      t.db,
      sql`select array_length(show_trgm('工业机器人'), 1) as n`,
    );
    expect(tri?.n).toBeGreaterThan(0);
  });
});

describe.runIf(pgUrl)('PostgreSQL start-up checks', () => {
  it('refuses a database with the C ctype and says how to create a right one', async () => {
    const name = `chanjiao_c_ctype_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(
        `create database ${name} encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0`,
      );
      const u = new URL(pgUrl!);
      u.pathname = `/${name}`;
      await expect(openPostgres(u.toString())).rejects.toThrow(DatabaseConfigError);
      await expect(openPostgres(u.toString())).rejects.toThrow(/LC_CTYPE 'C.UTF-8'/);
    } finally {
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  });
});
