#!/usr/bin/env node
// The integration tier again, on a real PostgreSQL. Each run makes a fresh template database (and one
// copy per test file) and drops them all afterwards. Server: CHANJIAO_TEST_PG_URL, by default the local
// PostgreSQL on 127.0.0.1:5432 as user postgres.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';

const url = process.env.CHANJIAO_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version} at ${new URL(url).host}`);
} catch (err) {
  console.error(`Cannot reach PostgreSQL at ${url}: ${err.message}`);
  console.error('Start it, or point CHANJIAO_TEST_PG_URL at one (a user that may create databases).');
  process.exit(1);
} finally {
  await client.end().catch(() => {});
}

const root = path.resolve(import.meta.dirname, '..');
const res = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/vitest/vitest.mjs'),
    'run',
    '--project',
    'integration',
    '--exclude',
    'tests/integration/embedded/**',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, CHANJIAO_TEST_PG_URL: url } },
);
process.exit(res.status ?? 1);
