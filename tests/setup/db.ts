// A fresh, migrated database for one test file, copied from the run's template. Never a mock.
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type DatabaseHandle } from '../../server/db/client.ts';

let counter = 0;

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const t = inject('dbTemplate');
  if (t.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(t.dumpFile)]);
    return openPglite({ loadDataDir: blob });
  }
  const name = `${t.template}_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: t.baseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${t.template}`);
  } finally {
    await admin.end();
  }
  const u = new URL(t.baseUrl);
  u.pathname = `/${name}`;
  return openPostgres(u.toString(), { max: 4 });
}
