// Migrations: the SQL files drizzle-kit generates from server/db/schema, applied in journal order,
// each in its own transaction, recorded in chanjiao_migrations. On PostgreSQL an advisory lock keeps
// two starting processes from migrating at once. See docs/decisions/003-migrations.md.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './client.ts';

export const migrationsDir = path.resolve(import.meta.dirname, 'migrations');

type Migration = { tag: string; hash: string; statements: string[] };

export function readMigrations(dir = migrationsDir): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const text = fs.readFileSync(path.join(dir, `${tag}.sql`), 'utf8');
      return {
        tag,
        hash: crypto.createHash('sha256').update(text).digest('hex'),
        statements: text
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

const ADVISORY_KEY = 4_242_424_242;

export type MigrationLevel = { applied: number; latest: string | null; pending: number };

export async function migrate(db: Db, opts: { kind: 'pglite' | 'postgres' }): Promise<MigrationLevel> {
  const migrations = readMigrations();
  await db.execute(sql`create table if not exists chanjiao_migrations (
    tag text primary key, hash text not null, applied_at timestamptz not null default now())`);
  if (opts.kind === 'postgres') await db.execute(sql`select pg_advisory_lock(${ADVISORY_KEY})`);
  try {
    const applied = await appliedTags(db);
    for (const m of migrations) {
      const prior = applied.get(m.tag);
      if (prior !== undefined) {
        if (prior !== m.hash) {
          throw new Error(
            `Migration ${m.tag} was changed after it was applied (hash differs). Migrations are append-only.`,
          );
        }
        continue;
      }
      await db.transaction(async (tx) => {
        for (const statement of m.statements) await tx.execute(sql.raw(statement));
        await tx.execute(sql`insert into chanjiao_migrations (tag, hash) values (${m.tag}, ${m.hash})`);
      });
    }
  } finally {
    if (opts.kind === 'postgres') await db.execute(sql`select pg_advisory_unlock(${ADVISORY_KEY})`);
  }
  return migrationLevel(db);
}

async function appliedTags(db: Db): Promise<Map<string, string>> {
  const rows = await queryRows<{ tag: string; hash: string }>(
    db,
    sql`select tag, hash from chanjiao_migrations`,
  );
  return new Map(rows.map((r) => [r.tag, r.hash]));
}

export async function migrationLevel(db: Db): Promise<MigrationLevel> {
  const known = readMigrations().map((m) => m.tag);
  const applied = await appliedTags(db).catch(() => new Map<string, string>());
  const appliedKnown = known.filter((t) => applied.has(t));
  return {
    applied: applied.size,
    latest: appliedKnown.at(-1) ?? null,
    pending: known.length - appliedKnown.length,
  };
}
