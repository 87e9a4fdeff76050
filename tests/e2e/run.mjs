// Browser end-to-end run: build the web app, start the server on a fresh data dir and a free port,
// run the journeys (node:test files in this folder) against it in headless Chromium, clean up.
// Exit code: non-zero on any failure. Usage: npm run test:e2e [-- <test-name-pattern>]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const here = import.meta.dirname;
const password = 'e2e-Demo-2026';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function log(s) {
  console.log(`[e2e] ${s}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited early (code ${server.exitCode})`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`no answer from ${url}/api/health within ${timeoutMs / 1000} s`);
}

function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => server.kill('SIGKILL'), 10_000);
    server.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

async function main() {
  if (!fs.existsSync(chromium)) {
    console.error(
      `[e2e] Chromium not found at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH).`,
    );
    return 1;
  }

  log('building the web app…');
  const build = spawnSync(process.execPath, ['cli/chanjiao.mjs', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('[e2e] the web build failed');
    return 1;
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const serverLog = [];
  log(`starting the server on ${baseUrl} (data in ${dataDir})…`);
  const server = spawn(process.execPath, ['cli/chanjiao.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CHANJIAO_DATA_DIR: dataDir,
      CHANJIAO_DEMO_PASSWORD: password,
      CHANJIAO_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (d) => serverLog.push(String(d)));
  server.stderr.on('data', (d) => serverLog.push(String(d)));

  let code = 1;
  try {
    await waitForHealth(baseUrl, server, 90_000);
    log('server up; running the journeys');
    const files = fs
      .readdirSync(here)
      .filter((f) => f.endsWith('.test.mjs'))
      .sort()
      .map((f) => path.join(here, f));
    const args = ['--test', '--test-reporter=spec', '--test-concurrency=1'];
    const pattern = process.argv[2];
    if (pattern) args.push(`--test-name-pattern=${pattern}`);
    const run = spawnSync(process.execPath, [...args, ...files], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, BASE_URL: baseUrl, E2E_PASSWORD: password, CHROMIUM_PATH: chromium },
    });
    code = run.status ?? 1;
  } catch (err) {
    console.error(`[e2e] ${err.message}`);
    code = 1;
  } finally {
    await stopServer(server);
    if (code !== 0 && serverLog.length > 0) {
      const tail = serverLog
        .join('')
        .split('\n')
        .slice(-40)
        .map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
      console.error(`[e2e] server output (last lines):\n${tail.join('\n')}`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return code;
}

process.exitCode = await main();
