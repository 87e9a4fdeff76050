// Prepares one migrated template database per test run; every test file then gets its own copy
// (PGlite: loaded from a dump of the template; PostgreSQL: CREATE DATABASE … TEMPLATE).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../server/db/client.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { readMigrations } from '../../server/db/migrate.ts';
import { capabilityCatalog, roleCatalog } from '../../server/modules/access/access.catalog.ts';
import { builtinCatalogs } from '../../server/modules/reference/catalog.builtin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate:
      { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; baseUrl: string; template: string };
  }
}

function templateKey(): string {
  const h = crypto.createHash('sha256');
  for (const m of readMigrations()) h.update(m.hash);
  h.update(JSON.stringify([roleCatalog, capabilityCatalog, builtinCatalogs]));
  return h.digest('hex').slice(0, 16);
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const pgUrl = process.env.CHANJIAO_TEST_PG_URL;
  if (pgUrl) {
    const template = `chanjiao_tpl_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(
      `create database ${template} encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0`,
    );
    const handle = await openPostgres(withDatabase(pgUrl, template), { max: 2 });
    await prepareDatabase(handle);
    await handle.close();
    project.provide('dbTemplate', { kind: 'postgres', baseUrl: pgUrl, template });
    return async () => {
      // drop the per-file copies and the template
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`${template}%`],
      );
      for (const r of rows.sort((a, b) => b.datname.length - a.datname.length)) {
        await admin.query(`drop database if exists ${r.datname} with (force)`);
      }
      await admin.end();
    };
  }
  const dir = path.join(os.tmpdir(), 'chanjiao-test-templates');
  fs.mkdirSync(dir, { recursive: true });
  const dumpFile = path.join(dir, `template-${templateKey()}.tar`);
  if (!fs.existsSync(dumpFile)) {
    const handle = await openPglite({});
    await prepareDatabase(handle);
    if (!handle.pglite) throw new Error('expected an embedded database');
    const dump = await handle.pglite.dumpDataDir('none');
    const tmp = `${dumpFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, dumpFile);
    await handle.close();
  }
  project.provide('dbTemplate', { kind: 'pglite', dumpFile });
}
