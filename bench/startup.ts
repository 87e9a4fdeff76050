// Start-up of the platform on the embedded database: first start (initdb, migrate, seed) and the
// second start on the same data dir, which must stay under 10 s. Baseline: opening the bare PGlite
// data dir (no migrations, no app) — the floor a start cannot go below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { loadConfig } from '../server/config.ts';
import { startServer } from '../server/main.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-bench-start-'));
const config = loadConfig({ CHANJIAO_DATA_DIR: dir, PORT: '0', CHANJIAO_LOG_LEVEL: 'silent' });
const quiet = () => {};
try {
  let t = performance.now();
  const first = await startServer({ config, log: quiet });
  const firstMs = performance.now() - t;
  await first.stop();

  const second: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    const s = await startServer({ config, log: quiet });
    const res = await fetch(`${s.url}/api/health`);
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    second.push(performance.now() - t);
    await s.stop();

    t = performance.now();
    const db = new PGlite({ dataDir: dir, extensions: { pg_trgm } });
    await db.waitReady;
    await db.query('select 1');
    bare.push(performance.now() - t);
    await db.close();
  }
  const m2 = median(second);
  const mb = median(bare);
  console.log(`startup (PGlite, ${RUNS} runs, median)`);
  console.log(`  first start (initdb + migrate + seed): ${(firstMs / 1000).toFixed(2)} s`);
  console.log(
    `  second start to healthy:               ${(m2 / 1000).toFixed(2)} s   target < 10 s: ${m2 < 10_000 ? 'met' : 'MISSED'}`,
  );
  console.log(`  baseline, bare PGlite open:            ${(mb / 1000).toFixed(2)} s`);
  console.log(`  ratio second start / baseline:         ${(m2 / mb).toFixed(2)}×`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
