import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
let t = Date.now();
const db = new PGlite({ extensions: { pg_trgm } });
await db.waitReady;
console.log('ready', Date.now() - t);
console.log(
  (
    await db.query(
      'select datcollate, datctype, pg_encoding_to_char(encoding) enc, version() from pg_database where datname=current_database()',
    )
  ).rows,
);
await db.exec('create extension if not exists pg_trgm');
console.log((await db.query("select show_trgm('工业机器人运维') t")).rows);
await db.exec('create table x(id int)');
await db.exec('insert into x values (1)');
t = Date.now();
const c = await db.clone();
console.log('clone', Date.now() - t, (await c.query('select * from x')).rows);
t = Date.now();
const dump = await db.dumpDataDir('none');
console.log('dump', Date.now() - t, dump.size);
t = Date.now();
const d2 = new PGlite({ loadDataDir: dump, extensions: { pg_trgm } });
await d2.waitReady;
console.log('load', Date.now() - t, (await d2.query('select * from x')).rows);
