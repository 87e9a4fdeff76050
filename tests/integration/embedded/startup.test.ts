// The embedded database on disk: the lock against a second process, first-run seeding, no re-seed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { DataDirLockedError, lockDataDir } from '../../../server/db/lock.ts';
import { consortia, users } from '../../../server/db/schema/index.ts';
import { demoAccounts } from '../../../server/db/seed/demo.ts';
import { startServer } from '../../../server/main.ts';
import { readMigrations } from '../../../server/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'chanjiao-start-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(root, 'cli/chanjiao.mjs'), ...args], {
    cwd: root,
    env: { ...process.env, ...env, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('data directory lock', () => {
  it('refuses a second holder in this process, and takes over a stale lock', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    lock.release();
    // a lock file left by a process that is gone
    fs.writeFileSync(path.join(dir, 'chanjiao.lock'), '999999999');
    const again = lockDataDir(dir);
    again.release();
    expect(fs.existsSync(path.join(dir, 'chanjiao.lock'))).toBe(false);
  });

  it('a second process on the same data dir is refused with a clear message', () => {
    const dir = tempDir();
    const lock = lockDataDir(dir); // held by this (live) process
    try {
      const res = cli(['migrate'], { CHANJIAO_DATA_DIR: dir });
      expect(res.status).toBe(1);
      expect(res.stderr).toContain('is in use by another Chanjiao process');
      expect(res.stderr).toContain(String(process.pid));
    } finally {
      lock.release();
    }
  });
});

describe('first and second start', () => {
  it('seeds the demo once, with the configured password; a second start does not re-seed', async () => {
    const dir = tempDir();
    const env = {
      CHANJIAO_DATA_DIR: dir,
      PORT: '0',
      CHANJIAO_DEMO_PASSWORD: 'my-demo-pass-7',
      CHANJIAO_LOG_LEVEL: 'silent',
    };
    const lines: string[] = [];
    let seeded = 0;
    const first = await startServer({ config: loadConfig(env), log: (l) => lines.push(l) });
    try {
      expect(lines.join('\n')).toContain('First run: seeded');
      for (const a of demoAccounts) expect(lines.join('\n')).toContain(a.username);
      // the printed demo logins, and the demo's interns and host mentors (same password, not printed)
      seeded = await first.handle.db.$count(users);
      expect(seeded).toBeGreaterThan(demoAccounts.length);
      for (const a of demoAccounts) {
        const res = await fetch(`${first.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: a.username, password: 'my-demo-pass-7' }),
        });
        expect(res.status, a.username).toBe(200);
      }
      const health = (await (await fetch(`${first.url}/api/health`)).json()) as {
        status: string;
        database: string;
      };
      expect(health).toMatchObject({ status: 'ok', database: 'pglite' });
    } finally {
      await first.stop();
    }
    const lines2: string[] = [];
    const second = await startServer({ config: loadConfig(env), log: (l) => lines2.push(l) });
    try {
      expect(lines2.join('\n')).not.toContain('First run');
      expect(await second.handle.db.$count(users)).toBe(seeded);
      expect(await second.handle.db.$count(consortia)).toBe(2);
    } finally {
      await second.stop();
    }
  }, 180_000);
});

describe('CLI', () => {
  it('has --help on every command', () => {
    for (const args of [
      [],
      ['serve'],
      ['migrate'],
      ['seed'],
      ['admin', 'create'],
      ['user', 'reset-password'],
      ['build'],
      ['dev'],
    ]) {
      const res = cli([...args, '--help'], {});
      expect(res.status, args.join(' ')).toBe(0);
      expect(res.stdout).toContain('Usage: chanjiao');
    }
  }, 120_000);

  it('migrates, seeds, creates an admin and resets a password with clear errors for bad input', () => {
    const dir = tempDir();
    const env = { CHANJIAO_DATA_DIR: dir, CHANJIAO_DEMO_PASSWORD: 'cli-demo-pass-1' };
    expect(cli(['migrate'], env).stdout).toContain(`Migrations applied: ${readMigrations().length}`);
    expect(cli(['seed', '--demo'], env).stdout).toContain('Seeded the demo consortium');
    expect(cli(['seed', '--demo'], env).stdout).toContain('Nothing done');
    const weak = cli(['admin', 'create', '-u', 'ops', '-n', '运维', '-p', 'short'], env);
    expect(weak.status).toBe(2);
    expect(weak.stderr).toContain('password: at least 8 characters');
    const ok = cli(['admin', 'create', '-u', 'ops', '-n', '运维', '-p', 'ops-pass-123'], env);
    expect(ok.status, ok.stderr).toBe(0);
    expect(cli(['admin', 'create', '-u', 'ops', '-n', '运维', '-p', 'ops-pass-123'], env).stderr).toContain(
      'taken',
    );
    const reset = cli(['user', 'reset-password', '-u', 'student', '-p', 'new-pass-456'], env);
    expect(reset.status, reset.stderr).toBe(0);
    expect(cli(['user', 'reset-password', '-u', 'nobody', '-p', 'new-pass-456'], env).stderr).toContain(
      'no account nobody',
    );
    const exported = path.join(dir, 'members.xlsx');
    expect(cli(['export', 'members', exported, '-c', 'jianglin-im'], env).stdout).toContain(
      'Exported 226 member units',
    );
    const reimport = cli(['import', 'members', exported, '-c', 'jianglin-im'], env);
    expect(reimport.stdout, reimport.stderr).toContain('0 new, 0 changed, 226 unchanged');
    const badCsv = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      badCsv,
      '代码,名称,上级代码\n351,采矿、冶金、建筑专用设备制造,35\n3521,炼油、化工生产专用设备制造,352\n',
    );
    const refused = cli(['import', 'catalog', badCsv, '-k', 'industry', '-v', '2017'], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('row 3, 上级代码: PARENT_MISSING');
    const badPort = cli(['migrate'], { ...env, PORT: 'abc' });
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toContain('PORT');
  }, 180_000);
});
