import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { securityEvents, sessions, users } from '../../server/db/schema/index.ts';
import { LOCKOUT_THRESHOLD } from '../../server/modules/identity/auth.service.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeConsortium,
  makeUnit,
  makeUser,
  PASSWORD,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('login and session', () => {
  it('sets an httpOnly SameSite cookie and /me returns the user, roles and memberships', async () => {
    const c = await makeConsortium(t.db);
    const unit = await makeUnit(t.db, c.id, 'higher_vocational', '测试职业学院');
    const u = await makeUser(t.db, [{ roleCode: 'teacher', consortiumId: c.id, memberUnitId: unit.id }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((x) => x.name === 'cj_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.path).toBe('/');
    // the cookie holds a token; the database only its hash
    const [stored] = await t.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(stored?.id).not.toBe(cookie?.value);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `cj_session=${cookie?.value}` },
    });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.username).toBe(u.username);
    expect(body.memberships).toEqual([
      expect.objectContaining({
        consortiumId: c.id,
        memberUnitId: unit.id,
        memberUnitName: '测试职业学院',
        roleCode: 'teacher',
        roleNameZh: '教师',
      }),
    ]);
    expect(body.capabilities.byConsortium[c.id]).toContain('unit.read');
    expect(body.capabilities.byConsortium[c.id]).not.toContain('audit.read');
    expect(body.capabilities.platform).toEqual([]);
    expect(typeof body.csrfToken).toBe('string');
    expect(JSON.stringify(body)).not.toContain('passwordHash');
  });

  it('answers 401 in the error shape without a cookie, or with an unknown one', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }), 401, 'UNAUTHENTICATED');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })).json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
    });
    expectError(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'cj_session=forged' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('rejects a wrong password and an unknown user alike', async () => {
    const u = await makeUser(t.db, []);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: 'nope-1234' },
    });
    expectError(wrong, 401, 'INVALID_CREDENTIALS');
    expect(wrong.json().error.details.attemptsLeft).toBe(LOCKOUT_THRESHOLD - 1);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody-here', password: 'nope-1234' },
    });
    expectError(unknown, 401, 'INVALID_CREDENTIALS');
  });

  it('400 names the field when the body is invalid', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x' } });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(res.json().error.details.issues).toEqual([expect.objectContaining({ path: 'body.password' })]);
  });

  it('locks the account after repeated failures, even for the right password, and records it', async () => {
    const u = await makeUser(t.db, []);
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: u.username, password: `wrong-${i}xx` },
      });
      expectError(r, 401, 'INVALID_CREDENTIALS');
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: u.username, password: PASSWORD },
    });
    expectError(locked, 429, 'ACCOUNT_LOCKED');
    expect(locked.json().error.details.lockedUntil).toBeDefined();
    const events = await t.db.select().from(securityEvents).where(eq(securityEvents.userId, u.id));
    expect(events.map((e) => e.kind)).toContain('login.locked');
    // once the lock has passed, the right password works again
    await t.db
      .update(users)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(users.id, u.id));
    await login(t.app, u.username);
  });

  it('refuses a disabled account', async () => {
    const u = await makeUser(t.db, [], { status: 'disabled' });
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: u.username, password: PASSWORD },
      }),
      403,
      'ACCOUNT_DISABLED',
    );
  });

  it('logout revokes the session server-side', async () => {
    const u = await makeUser(t.db, []);
    const s = await login(t.app, u.username);
    const out = await call(t.app, s, 'POST', '/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    expectError(await call(t.app, s, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('an expired session is not accepted', async () => {
    const u = await makeUser(t.db, []);
    const s = await login(t.app, u.username);
    await t.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, u.id));
    expectError(await call(t.app, s, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token or with a wrong one, and changes nothing', async () => {
    const u = await makeUser(t.db, []);
    const s = await login(t.app, u.username);
    expectError(
      await call(t.app, s, 'PATCH', '/api/v1/auth/me', { locale: 'en' }, { csrf: false }),
      403,
      'CSRF_TOKEN_INVALID',
    );
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(s.csrf.length) },
      payload: { locale: 'en' },
    });
    expectError(wrong, 403, 'CSRF_TOKEN_INVALID');
    const [row] = await t.db.select().from(users).where(eq(users.id, u.id));
    expect(row?.locale).toBe('zh-CN');
    const ok = await call(t.app, s, 'PATCH', '/api/v1/auth/me', { locale: 'en' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
  });

  it('refuses a cross-site login attempt', async () => {
    const u = await makeUser(t.db, []);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { username: u.username, password: PASSWORD },
    });
    expectError(res, 403, 'CSRF_TOKEN_INVALID');
  });
});

describe('password change', () => {
  it('needs the current password, applies the rules, and ends the other sessions', async () => {
    const u = await makeUser(t.db, []);
    const s1 = await login(t.app, u.username);
    const s2 = await login(t.app, u.username);
    expectError(
      await call(t.app, s1, 'POST', '/api/v1/auth/password', {
        currentPassword: 'wrong-one-1',
        newPassword: 'another-pass-9',
      }),
      401,
      'PASSWORD_INCORRECT',
    );
    expectError(
      await call(t.app, s1, 'POST', '/api/v1/auth/password', {
        currentPassword: PASSWORD,
        newPassword: 'short1',
      }),
      400,
      'PASSWORD_TOO_WEAK',
    );
    const ok = await call(t.app, s1, 'POST', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another-pass-9',
    });
    expect(ok.statusCode).toBe(204);
    expect((await call(t.app, s1, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expectError(await call(t.app, s2, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    await login(t.app, u.username, 'another-pass-9');
  });
});

describe('the client address behind a reverse proxy', () => {
  const loginFrom = (app: TestApp['app'], username: string, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': forwardedFor },
      payload: { username, password: PASSWORD },
    });
  const ipsOf = async (db: TestApp['db'], userId: string) =>
    (await db.select().from(securityEvents).where(eq(securityEvents.userId, userId))).map((e) => e.ip);

  it('ignores X-Forwarded-For unless told to trust the proxy', async () => {
    const u = await makeUser(t.db, []);
    expect((await loginFrom(t.app, u.username, '203.0.113.7')).statusCode).toBe(200);
    expect(await ipsOf(t.db, u.id)).toEqual(['127.0.0.1']);
  });

  it('takes the client address from the trusted hop (CHANJIAO_TRUST_PROXY=1)', async () => {
    const behind = await createTestApp({ trustProxy: 1 });
    try {
      const u = await makeUser(behind.db, []);
      // the client's own header is not believed beyond the one proxy we trust
      expect((await loginFrom(behind.app, u.username, '198.51.100.9, 203.0.113.7')).statusCode).toBe(200);
      expect(await ipsOf(behind.db, u.id)).toEqual(['203.0.113.7']);
    } finally {
      await behind.close();
    }
  });
});
