// Start the platform: read config → open db → migrate → (first run: seed the demo) → listen.
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { openDatabase, type DatabaseHandle } from './db/client.ts';
import { prepareDatabase } from './db/prepare.ts';
import { DEFAULT_DEMO_PASSWORD, demoAccounts, isEmptyDatabase, seedDemo } from './db/seed/demo.ts';
import { AccessControl } from './modules/access/access.service.ts';

export type Running = { app: FastifyInstance; handle: DatabaseHandle; url: string; stop(): Promise<void> };

export async function startServer(
  opts: { config?: Config; seedDemo?: boolean; log?: (line: string) => void } = {},
): Promise<Running> {
  const config = opts.config ?? loadConfig();
  const log = opts.log ?? ((line: string) => console.log(line));
  const t0 = Date.now();
  const handle = await openDatabase(config.database);
  try {
    const level = await prepareDatabase(handle);
    let seeded = false;
    const password = config.demoPassword ?? DEFAULT_DEMO_PASSWORD;
    if ((opts.seedDemo ?? true) && (await isEmptyDatabase(handle.db))) {
      await seedDemo(handle.db, password);
      seeded = true;
    }
    const access = new AccessControl(handle.db);
    await access.reload();
    const app = await buildApp(
      { db: handle.db, dbKind: handle.kind, access, config },
      {
        logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
        logRequests: config.logLevel === 'debug' || config.logLevel === 'trace',
        trustProxy: config.trustProxy,
      },
    );
    await app.listen({ host: config.host, port: config.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    log('');
    log(`Chanjiao 产教联 is running at ${url}  (started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    log(
      `Database: ${handle.kind === 'pglite' ? `embedded PGlite in ${config.database.kind === 'pglite' ? config.database.dataDir : ''}` : 'PostgreSQL'}; ` +
        `migrations: ${level.applied} applied (latest ${level.latest ?? 'none'})`,
    );
    log(`API docs: ${url}/api/docs`);
    if (seeded) log('First run: seeded the demo consortium 江临市智能制造产教联合体.');
    log('');
    log(`Demo logins (password: ${password}${seeded ? '' : ', unless changed since'}):`);
    for (const a of demoAccounts) log(`  ${a.username.padEnd(12)} ${a.roleZh} / ${a.roleEn}`);
    log('');
    return {
      app,
      handle,
      url,
      async stop() {
        await app.close();
        await handle.close();
      },
    };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
