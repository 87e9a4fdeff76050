// Start-up of the platform on the embedded database: first start (initdb, migrate, seed) and the
// second start on the same data dir, which must stay under 10 s — in process, and as the whole command
// `npm start` runs (run `npm run build` first, or the first of those runs includes the web build). Baseline: opening the bare PGlite
// data dir (no migrations, no app) — the floor a start cannot go below.
import { spawn } from 'node:child_process';
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
  // the whole command a user runs the second time: node + loader + web-build check + start
  const command: number[] = [];
  const root = path.resolve(import.meta.dirname, '..');
  for (let i = 0; i < Math.min(RUNS, 3); i++) {
    const port = 3400 + i;
    t = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'cli/chanjiao.mjs'), 'serve', '--build'], {
      cwd: root,
      env: {
        ...process.env,
        CHANJIAO_DATA_DIR: dir,
        PORT: String(port),
        CHANJIAO_LOG_LEVEL: 'silent',
        DATABASE_URL: '',
      },
      stdio: 'ignore',
    });
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (performance.now() - t > 120_000) throw new Error('the server did not come up in 120 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    command.push(performance.now() - t);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  const m2 = median(second);
  const mb = median(bare);
  console.log(`startup (PGlite, ${RUNS} runs, median)`);
  console.log(`  first start (initdb + migrate + seed): ${(firstMs / 1000).toFixed(2)} s`);
  console.log(
    `  second start to healthy:               ${(m2 / 1000).toFixed(2)} s   target < 10 s: ${m2 < 10_000 ? 'met' : 'MISSED'}`,
  );
  console.log(
    `  second \`chanjiao serve --build\` (whole command): ${(median(command) / 1000).toFixed(2)} s   target < 10 s: ${median(command) < 10_000 ? 'met' : 'MISSED'}`,
  );
  console.log(`  baseline, bare PGlite open:            ${(mb / 1000).toFixed(2)} s`);
  console.log(`  ratio second start / baseline:         ${(m2 / mb).toFixed(2)}×`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
