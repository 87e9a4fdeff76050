// chanjiao — serve, migrate, seed, admin and user commands. Every command has --help.
import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import readline from 'node:readline/promises';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../server/config.ts';
import { DatabaseConfigError, openDatabase, type DatabaseHandle } from '../server/db/client.ts';
import { DataDirLockedError } from '../server/db/lock.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { memberships, users } from '../server/db/schema/index.ts';
import { DEFAULT_DEMO_PASSWORD, demoAccounts, isEmptyDatabase, seedDemo } from '../server/db/seed/demo.ts';
import {
  findUserByUsername,
  recordSecurityEvent,
  revokeUserSessions,
  updateUser,
} from '../server/modules/identity/identity.repo.ts';
import { hashPassword, passwordProblem } from '../server/modules/identity/password.ts';
import { username as usernameSchema } from '../server/modules/identity/identity.schema.ts';
import { startServer } from '../server/main.ts';
import { openApiDocument } from '../server/openapi.ts';
import { renderApiGuide } from '../server/lib/api-guide.ts';
import { ensureWebBuild } from './web-build.ts';

const program = new Command();
program
  .name('chanjiao')
  .description('产教联 Chanjiao — the platform a municipal industry–education consortium runs on')
  .showHelpAfterError();

/** Open the configured database, bring it up to date, run `fn`, close. */
async function withDatabase<T>(fn: (h: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(loadConfig().database);
  try {
    await prepareDatabase(handle);
    return await fn(handle);
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

function checkPassword(pw: string, username: string): string {
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
  .action(() => {
    ensureWebBuild((s) => console.log(s));
    console.log('web/dist is up to date.');
  });

program
  .command('dev')
  .description('Development: the API on PORT (default 3000) and the Vite dev server with hot reload on 5173')
  .action(async () => {
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
    await withDatabase(async (h) => {
      const level = await prepareDatabase(h);
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
    const doc = await openApiDocument();
    fs.writeFileSync(opts.out, renderApiGuide(doc));
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify(doc, null, 2) + '\n');
    console.log(`Wrote ${opts.out}${opts.json ? ` and ${opts.json}` : ''}.`);
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
    const username = opts.username ?? (await ask('Username: '));
    const parsed = usernameSchema.safeParse(username);
    if (!parsed.success)
      throw new InvalidArgumentError(`username: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const name = opts.name ?? (await ask('Display name: '));
    if (!name) throw new InvalidArgumentError('name: required');
    const password = checkPassword(opts.password ?? (await ask('Password: ')), username);
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
    const password = checkPassword(opts.password ?? (await ask('New password: ')), opts.username);
    await withDatabase(async (h) => {
      const u = await findUserByUsername(h.db, opts.username);
      if (!u) throw new InvalidArgumentError(`username: no account ${opts.username}`);
      const passwordHash = await hashPassword(password);
      const now = new Date();
      await h.db.transaction(async (tx) => {
        await updateUser(tx, u.id, {
          passwordHash,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
        });
        await revokeUserSessions(tx, u.id, now);
        await recordSecurityEvent(tx, { userId: u.id, username: u.username, kind: 'password.reset_by_cli' });
      });
      console.log(`Password of ${u.username} reset; their sessions have ended.`);
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof DatabaseConfigError) {
    console.error(`chanjiao: ${err.message}`);
    process.exit(1);
  }
  if (err instanceof InvalidArgumentError) {
    console.error(`chanjiao: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
