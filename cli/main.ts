// chanjiao — serve, migrate, seed, admin and user commands. Every command has --help.
// Commands import the server lazily, so that --help answers at once.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { Command, InvalidArgumentError } from 'commander';
import type { DatabaseHandle } from '../server/db/client.ts';
import type { MigrationLevel } from '../server/db/migrate.ts';
import { OperatorError } from '../server/lib/errors.ts';
import { registerMatch } from './match.ts';

const program = new Command();
program
  .name('chanjiao')
  .description('产教联 Chanjiao — the platform a municipal industry–education consortium runs on')
  .showHelpAfterError();

/** Open the configured database, bring it up to date, run `fn`, close. */
async function withDatabase<T>(fn: (h: DatabaseHandle, level: MigrationLevel) => Promise<T>): Promise<T> {
  const { loadConfig } = await import('../server/config.ts');
  const { openDatabase } = await import('../server/db/client.ts');
  const { prepareDatabase } = await import('../server/db/prepare.ts');
  const handle = await openDatabase(loadConfig().database);
  try {
    const level = await prepareDatabase(handle);
    return await fn(handle, level);
  } finally {
    await handle.close();
  }
}

async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY)
    throw new InvalidArgumentError(`${question.trim()} is required (no terminal to ask on)`);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

async function checkPassword(pw: string, username: string): Promise<string> {
  const { passwordProblem } = await import('../server/modules/identity/password.ts');
  const problem = passwordProblem(pw, username);
  if (problem) throw new InvalidArgumentError(`password: ${problem}`);
  return pw;
}

program
  .command('serve')
  .description('Serve the platform (API and web app); migrates, and seeds the demo consortium on first run')
  .option('--build', 'build the web app first if its sources changed')
  .option('--no-seed', 'do not seed the demo consortium into an empty database')
  .action(async (opts: { build?: boolean; seed: boolean }) => {
    const { ensureWebBuild } = await import('./web-build.ts');
    const { startServer } = await import('../server/main.ts');
    if (opts.build) ensureWebBuild((s) => console.log(s));
    const running = await startServer({ seedDemo: opts.seed });
    const stop = async (signal: string) => {
      console.log(`\n${signal}: stopping…`);
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });

program
  .command('build')
  .description('Build the web app into web/dist')
  .action(async () => {
    const { ensureWebBuild } = await import('./web-build.ts');
    ensureWebBuild((s) => console.log(s));
    console.log('web/dist is up to date.');
  });

program
  .command('dev')
  .description('Development: the API on PORT (default 3000) and the Vite dev server with hot reload on 5173')
  .action(async () => {
    const { startServer } = await import('../server/main.ts');
    const running = await startServer({});
    const vite = spawn(
      process.execPath,
      [path.resolve('node_modules/vite/bin/vite.js'), '--config', 'web/vite.config.ts'],
      {
        stdio: 'inherit',
        env: { ...process.env, CHANJIAO_API: running.url },
      },
    );
    const stop = async () => {
      vite.kill();
      await running.stop();
      process.exit(0);
    };
    process.once('SIGINT', () => void stop());
    process.once('SIGTERM', () => void stop());
  });

program
  .command('migrate')
  .description('Apply pending database migrations and sync the built-in roles')
  .action(async () => {
    await withDatabase(async (h, level) => {
      console.log(
        `Migrations applied: ${level.applied} (latest ${level.latest ?? 'none'}); database: ${h.kind}.`,
      );
    });
  });

program
  .command('seed')
  .description('Seed data into the database')
  .option('--demo', 'the demo consortium with one account per role (only into an empty database)')
  .action(async (opts: { demo?: boolean }) => {
    if (!opts.demo) throw new InvalidArgumentError('say what to seed: --demo');
    const { loadConfig } = await import('../server/config.ts');
    const { DEFAULT_DEMO_PASSWORD, demoAccounts, isEmptyDatabase, seedDemo } =
      await import('../server/db/seed/demo.ts');
    await withDatabase(async (h) => {
      if (!(await isEmptyDatabase(h.db))) {
        console.log(
          'The database already has accounts; the demo is seeded only into an empty one. Nothing done.',
        );
        return;
      }
      const password = loadConfig().demoPassword ?? DEFAULT_DEMO_PASSWORD;
      await seedDemo(h.db, password);
      console.log(
        `Seeded the demo consortium. Logins (password ${password}): ${demoAccounts.map((a) => a.username).join(', ')}`,
      );
    });
  });

program
  .command('api-guide')
  .description('Write the API guide (Markdown, from the OpenAPI document) to docs/api.md or --out')
  .option('-o, --out <file>', 'where to write', 'docs/api.md')
  .option('--json <file>', 'also write the OpenAPI document as JSON')
  .action(async (opts: { out: string; json?: string }) => {
    const { openApiDocument } = await import('../server/openapi.ts');
    const { renderApiGuide } = await import('../server/lib/api-guide.ts');
    const doc = await openApiDocument();
    fs.writeFileSync(opts.out, renderApiGuide(doc));
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(doc, null, 2) + '\n');
    console.log(`Wrote ${opts.out}${opts.json ? ` and ${opts.json}` : ''}.`);
  });

function formatOf(file: string): 'xlsx' | 'csv' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new InvalidArgumentError(`${file}: the file must end in .xlsx or .csv`);
}

/** The account a CLI import acts as (it is named in the audit trail). */
async function actorFor(h: DatabaseHandle, username: string) {
  const { loadActor } = await import('../server/modules/identity/auth.service.ts');
  const { findUserByUsername } = await import('../server/modules/identity/identity.repo.ts');
  const user = await findUserByUsername(h.db, username);
  const loaded = user ? await loadActor(h.db, user.id) : null;
  if (!loaded) throw new InvalidArgumentError(`--as: no account ${username}`);
  return loaded.actor;
}

async function consortiumByCode(h: DatabaseHandle, code: string) {
  const { findConsortiumByCode } = await import('../server/modules/consortium/consortium.repo.ts');
  const c = await findConsortiumByCode(h.db, code);
  if (!c) throw new InvalidArgumentError(`--consortium: no consortium with the code ${code}`);
  return c;
}

type Report = {
  ok: boolean;
  total: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: { row: number; column: string; code: string; message: string }[];
};

async function printReport(
  r: Report,
  file: Buffer,
  format: 'xlsx' | 'csv',
  reportFile: string | undefined,
  dryRun: boolean,
) {
  if (r.ok) {
    console.log(
      `${dryRun ? 'Valid (dry run, nothing written)' : 'Imported'}: ${r.total} rows — ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged.`,
    );
    return;
  }
  console.error(`Refused: ${r.errors.length} problem(s) in ${r.total} rows; nothing was written.`);
  for (const e of r.errors.slice(0, 50))
    console.error(`  row ${e.row}${e.column ? `, ${e.column}` : ''}: ${e.code} — ${e.message}`);
  if (r.errors.length > 50) console.error(`  … and ${r.errors.length - 50} more`);
  if (reportFile) {
    const { annotateErrors } = await import('../server/lib/excel/index.ts');
    fs.writeFileSync(reportFile, await annotateErrors(file, format, r.errors));
    console.error(`The file with every bad cell marked: ${reportFile}`);
  }
  process.exitCode = 2;
}

const importCmd = program
  .command('import')
  .description('Import a list from Excel (.xlsx) or CSV: all rows or none');
importCmd
  .command('members')
  .description("Import member units into a consortium (columns as in the web app's template)")
  .argument('<file>', '.xlsx or .csv')
  .requiredOption('-c, --consortium <code>', 'the consortium code, e.g. jianglin-im')
  .option('--as <username>', 'the account the import is recorded as', 'admin')
  .option('--dry-run', 'validate and report; write nothing')
  .option('--report <file.xlsx>', 'when refused, write the file with every bad cell marked')
  .action(
    async (file: string, opts: { consortium: string; as: string; dryRun?: boolean; report?: string }) => {
      const format = formatOf(file);
      const content = fs.readFileSync(file);
      const { importUnits } = await import('../server/modules/consortium/units.excel.ts');
      await withDatabase(async (h) => {
        const c = await consortiumByCode(h, opts.consortium);
        const r = await importUnits(h.db, await actorFor(h, opts.as), c.id, content, {
          format,
          dryRun: !!opts.dryRun,
        });
        await printReport(r, content, format, opts.report, !!opts.dryRun);
      });
    },
  );
importCmd
  .command('catalog')
  .description('Import an official national table into a catalog version (codes, names, parent codes)')
  .argument('<file>', '.xlsx or .csv')
  .requiredOption('-k, --kind <kind>', 'major | industry | occupation | region')
  .requiredOption('-v, --version <version>', 'catalog version, e.g. 2017 for GB/T 4754-2017')
  .option('--as <username>', 'the account the import is recorded as', 'admin')
  .option('--dry-run', 'validate and report; write nothing')
  .option('--report <file.xlsx>', 'when refused, write the file with every bad cell marked')
  .action(
    async (
      file: string,
      opts: { kind: string; version: string; as: string; dryRun?: boolean; report?: string },
    ) => {
      const { isCatalogKind } = await import('../server/modules/reference/catalog.core.ts');
      if (!isCatalogKind(opts.kind))
        throw new InvalidArgumentError('--kind: one of major, industry, occupation, region');
      const kind = opts.kind;
      const format = formatOf(file);
      const content = fs.readFileSync(file);
      const { importCatalogFile } = await import('../server/modules/reference/catalog.excel.ts');
      await withDatabase(async (h) => {
        const r = await importCatalogFile(
          h.db,
          await actorFor(h, opts.as),
          { kind, version: opts.version, fileName: path.basename(file), dryRun: !!opts.dryRun },
          content,
          { format },
        );
        await printReport(r, content, format, opts.report, !!opts.dryRun);
      });
    },
  );

program
  .command('export')
  .description('Export a list to Excel (.xlsx) or CSV')
  .command('members')
  .description('Export the member units of a consortium (re-importable)')
  .argument('<file>', '.xlsx or .csv')
  .requiredOption('-c, --consortium <code>', 'the consortium code, e.g. jianglin-im')
  .action(async (file: string, opts: { consortium: string }) => {
    const format = formatOf(file);
    const { writeTable } = await import('../server/lib/excel/index.ts');
    const { unitColumns, toSheetRow } = await import('../server/modules/consortium/units.excel.ts');
    const { allUnits } = await import('../server/modules/consortium/consortium.repo.ts');
    await withDatabase(async (h) => {
      const c = await consortiumByCode(h, opts.consortium);
      const units = await allUnits(h.db, c.id);
      fs.writeFileSync(
        file,
        await writeTable(unitColumns, units.map(toSheetRow), { format, sheetName: '成员单位' }),
      );
      console.log(`Exported ${units.length} member units of ${c.name} to ${file}.`);
    });
  });

const admin = program.command('admin').description('Platform administrators');
admin
  .command('create')
  .description('Create a platform administrator (asks for what the flags do not give)')
  .option('-u, --username <username>', 'login name')
  .option('-n, --name <name>', 'display name')
  .option(
    '-p, --password <password>',
    'password (≥ 8 characters, a letter and a digit); asked for when absent',
  )
  .action(async (opts: { username?: string; name?: string; password?: string }) => {
    const { username: usernameSchema } = await import('../server/modules/identity/identity.schema.ts');
    const { findUserByUsername, recordSecurityEvent } =
      await import('../server/modules/identity/identity.repo.ts');
    const { hashPassword } = await import('../server/modules/identity/password.ts');
    const { memberships, users } = await import('../server/db/schema/index.ts');
    const username = opts.username ?? (await ask('Username: '));
    const parsed = usernameSchema.safeParse(username);
    if (!parsed.success)
      throw new InvalidArgumentError(`username: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const name = opts.name ?? (await ask('Display name: '));
    if (!name) throw new InvalidArgumentError('name: required');
    const password = await checkPassword(opts.password ?? (await ask('Password: ')), username);
    await withDatabase(async (h) => {
      if (await findUserByUsername(h.db, username))
        throw new InvalidArgumentError(`username: ${username} is taken`);
      const passwordHash = await hashPassword(password);
      await h.db.transaction(async (tx) => {
        const [u] = await tx.insert(users).values({ username, displayName: name, passwordHash }).returning();
        if (!u) throw new Error('user not created');
        await tx.insert(memberships).values({ userId: u.id, consortiumId: null, roleCode: 'platform_admin' });
        await recordSecurityEvent(tx, { userId: u.id, username, kind: 'admin.created_by_cli' });
      });
      console.log(`Created platform administrator ${username}.`);
    });
  });

const user = program.command('user').description('User accounts');
user
  .command('reset-password')
  .description("Set a new password for an account and end all the account's sessions")
  .requiredOption('-u, --username <username>', 'login name')
  .option('-p, --password <password>', 'the new password; asked for when absent')
  .action(async (opts: { username: string; password?: string }) => {
    const repo = await import('../server/modules/identity/identity.repo.ts');
    const { hashPassword } = await import('../server/modules/identity/password.ts');
    const password = await checkPassword(opts.password ?? (await ask('New password: ')), opts.username);
    await withDatabase(async (h) => {
      const u = await repo.findUserByUsername(h.db, opts.username);
      if (!u) throw new InvalidArgumentError(`username: no account ${opts.username}`);
      const passwordHash = await hashPassword(password);
      const now = new Date();
      await h.db.transaction(async (tx) => {
        await repo.updateUser(tx, u.id, {
          passwordHash,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
        });
        await repo.revokeUserSessions(tx, u.id, now);
        await repo.recordSecurityEvent(tx, {
          userId: u.id,
          username: u.username,
          kind: 'password.reset_by_cli',
        });
      });
      console.log(`Password of ${u.username} reset; their sessions have ended.`);
    });
  });

registerMatch(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof OperatorError) {
    console.error(`chanjiao: ${err.message}`);
    process.exit(1);
  }
  if (err instanceof InvalidArgumentError) {
    console.error(`chanjiao: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
