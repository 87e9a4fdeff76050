import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, users } from '../../server/db/schema/index.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeUser,
  makeWorld,
  PASSWORD,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
const base = () => `/api/v1/consortia/${w.A.c.id}/users`;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  sec = await login(t.app, w.A.secretariat.username);
});
afterAll(async () => t.close());

describe('accounts', () => {
  it('the secretariat creates an account with a role; it can log in; the write is audited with personal data masked', async () => {
    const res = await call(t.app, sec, 'POST', base(), {
      username: 'li.hua',
      displayName: '李华',
      password: 'good-pass-123',
      phone: '13812345678',
      roleCode: 'teacher',
      memberUnitId: w.A.school.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.phone).toBe('13812345678'); // the secretariat may see personal data
    expect(created.memberships).toEqual([
      expect.objectContaining({ roleCode: 'teacher', memberUnitId: w.A.school.id }),
    ]);
    await login(t.app, 'li.hua', 'good-pass-123');
    const [row] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, created.id)));
    expect(row?.action).toBe('create');
    expect(row?.actorId).toBe(w.A.secretariat.id);
    expect(JSON.stringify(row?.after)).toContain('138****5678');
    expect(JSON.stringify(row?.after)).not.toContain('13812345678');
    expect(JSON.stringify(row?.after)).not.toMatch(/argon2|passwordHash/);
  });

  it('masks personal data for a viewer without user.read_personal', async () => {
    await t.db.update(users).set({ phone: '13900001111' }).where(eq(users.id, w.A.teacher.id));
    const own = await login(t.app, w.A.teacher.username);
    expect((await call(t.app, own, 'GET', '/api/v1/auth/me')).json().user.phone).toBe('13900001111');
    const s = await login(t.app, w.A.schoolAdmin.username);
    // the school admin may see its own unit's personal data
    expect((await call(t.app, s, 'GET', `${base()}/${w.A.teacher.id}`)).json().phone).toBe('13900001111');
  });

  it('rejects bad input with the field named, and writes nothing', async () => {
    const before = await t.db.$count(users);
    const cases: [Record<string, unknown>, number, string, string][] = [
      [
        { username: 'a', displayName: 'x', password: 'good-pass-123', roleCode: 'secretariat' },
        400,
        'VALIDATION_FAILED',
        'body.username',
      ],
      [
        {
          username: 'okname',
          displayName: 'x',
          password: 'good-pass-123',
          roleCode: 'secretariat',
          phone: '12345',
        },
        400,
        'VALIDATION_FAILED',
        'body.phone',
      ],
      [
        { username: 'okname', displayName: 'x', password: 'short', roleCode: 'secretariat' },
        400,
        'PASSWORD_TOO_WEAK',
        'body.password',
      ],
      [
        { username: 'okname', displayName: 'x', password: 'good-pass-123', roleCode: 'teacher' },
        400,
        'ROLE_NOT_ALLOWED',
        'body.memberUnitId',
      ],
      [
        {
          username: 'okname',
          displayName: 'x',
          password: 'good-pass-123',
          roleCode: 'teacher',
          memberUnitId: '00000000-0000-4000-8000-000000000000',
        },
        404,
        'MEMBER_UNIT_NOT_FOUND',
        '',
      ],
      [
        {
          username: 'okname',
          displayName: 'x',
          password: 'good-pass-123',
          roleCode: 'student',
          memberUnitId: '',
        },
        400,
        'VALIDATION_FAILED',
        'body.memberUnitId',
      ],
      [
        { username: 'okname', displayName: 'x', password: 'good-pass-123', roleCode: 'no_such_role' },
        404,
        'ROLE_NOT_FOUND',
        'body.roleCode',
      ],
      [
        {
          username: w.A.teacher.username.toUpperCase(),
          displayName: 'x',
          password: 'good-pass-123',
          roleCode: 'secretariat',
        },
        409,
        'USERNAME_TAKEN',
        'body.username',
      ],
    ];
    for (const [body, status, code, path] of cases) {
      const res = await call(t.app, sec, 'POST', base(), body);
      expectError(res, status, code);
      if (path) expect(JSON.stringify(res.json().error.details), JSON.stringify(body)).toContain(path);
    }
    // a teacher cannot sit in an enterprise
    const wrongType = await call(t.app, sec, 'POST', base(), {
      username: 'okname',
      displayName: 'x',
      password: 'good-pass-123',
      roleCode: 'teacher',
      memberUnitId: w.A.enterprise.id,
    });
    expectError(wrongType, 400, 'ROLE_NOT_ALLOWED');
    // only the platform admin hands out the authority role
    expectError(
      await call(t.app, sec, 'POST', base(), {
        username: 'okname',
        displayName: 'x',
        password: 'good-pass-123',
        roleCode: 'authority',
      }),
      403,
      'FORBIDDEN',
    );
    expect(await t.db.$count(users)).toBe(before);
  });

  it('disabling an account ends its sessions; the last secretariat cannot be disabled', async () => {
    const victim = await login(t.app, w.A.mentor.username);
    const res = await call(t.app, sec, 'PATCH', `${base()}/${w.A.mentor.id}`, { status: 'disabled' });
    expect(res.statusCode, res.body).toBe(200);
    expectError(await call(t.app, victim, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: w.A.mentor.username, password: PASSWORD },
      }),
      403,
      'ACCOUNT_DISABLED',
    );
    expectError(
      await call(t.app, sec, 'PATCH', `${base()}/${w.A.secretariat.id}`, { status: 'disabled' }),
      403,
      'FORBIDDEN',
    );
    const admin = await login(t.app, w.admin.username);
    expectError(
      await call(t.app, admin, 'PATCH', `${base()}/${w.A.secretariat.id}`, { status: 'disabled' }),
      409,
      'LAST_SECRETARIAT',
    );
    const [row] = await t.db.select().from(users).where(eq(users.id, w.A.secretariat.id));
    expect(row?.status).toBe('active');
    await call(t.app, sec, 'PATCH', `${base()}/${w.A.mentor.id}`, { status: 'active' });
  });

  it('a password reset ends all sessions of the account and is audited', async () => {
    const victim = await login(t.app, w.A.student.username);
    const res = await call(t.app, sec, 'POST', `${base()}/${w.A.student.id}/reset-password`, {
      newPassword: 'fresh-pass-42',
    });
    expect(res.statusCode, res.body).toBe(204);
    expectError(await call(t.app, victim, 'GET', '/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    await login(t.app, w.A.student.username, 'fresh-pass-42');
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, w.A.student.id), eq(auditLog.action, 'reset_password')));
    expect(rows).toHaveLength(1);
  });

  it('adds and removes memberships, keeping at least one secretariat', async () => {
    const add = await call(t.app, sec, 'POST', `${base()}/${w.A.teacher.id}/memberships`, {
      roleCode: 'unit_admin',
      memberUnitId: w.A.school.id,
    });
    expect(add.statusCode, add.body).toBe(201);
    const dup = await call(t.app, sec, 'POST', `${base()}/${w.A.teacher.id}/memberships`, {
      roleCode: 'unit_admin',
      memberUnitId: w.A.school.id,
    });
    expectError(dup, 400, 'VALIDATION_FAILED');
    const del = await call(t.app, sec, 'DELETE', `${base()}/${w.A.teacher.id}/memberships/${add.json().id}`);
    expect(del.statusCode, del.body).toBe(204);
    const secMembership = (await call(t.app, sec, 'GET', `${base()}/${w.A.secretariat.id}`)).json()
      .memberships[0].id;
    expectError(
      await call(t.app, sec, 'DELETE', `${base()}/${w.A.secretariat.id}/memberships/${secMembership}`),
      409,
      'LAST_SECRETARIAT',
    );
  });

  it('cannot change an account that also holds roles elsewhere (no take-over by password reset)', async () => {
    const both = await makeUser(t.db, [
      { roleCode: 'secretariat', consortiumId: w.A.c.id },
      { roleCode: 'secretariat', consortiumId: w.B.c.id },
    ]);
    const platform = await makeUser(t.db, [
      { roleCode: 'secretariat', consortiumId: w.A.c.id },
      { roleCode: 'platform_admin', consortiumId: null },
    ]);
    for (const u of [both, platform]) {
      expect((await call(t.app, sec, 'GET', `${base()}/${u.id}`)).statusCode).toBe(200);
      expectError(
        await call(t.app, sec, 'POST', `${base()}/${u.id}/reset-password`, { newPassword: 'taken-over-1' }),
        403,
        'FORBIDDEN',
      );
      expectError(
        await call(t.app, sec, 'PATCH', `${base()}/${u.id}`, { status: 'disabled' }),
        403,
        'FORBIDDEN',
      );
      await login(t.app, u.username); // the password is unchanged
    }
    const admin = await login(t.app, w.admin.username);
    const ok = await call(t.app, admin, 'POST', `${base()}/${both.id}/reset-password`, {
      newPassword: 'admin-did-it-1',
    });
    expect(ok.statusCode, ok.body).toBe(204);
  });

  it('lists with search, filters, sorting and pagination', async () => {
    const page1 = (await call(t.app, sec, 'GET', `${base()}?pageSize=2&sort=-username`)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(6);
    expect(page1.items[0].username >= page1.items[1].username).toBe(true);
    const teachers = (await call(t.app, sec, 'GET', `${base()}?roleCode=teacher`)).json();
    expect(
      teachers.items.every((u: { memberships: { roleCode: string }[] }) =>
        u.memberships.some((m) => m.roleCode === 'teacher'),
      ),
    ).toBe(true);
    const q = (await call(t.app, sec, 'GET', `${base()}?q=${encodeURIComponent('李华')}`)).json();
    expect(q.items.map((u: { username: string }) => u.username)).toEqual(['li.hua']);
    expectError(await call(t.app, sec, 'GET', `${base()}?pageSize=1000`), 400, 'VALIDATION_FAILED');
    expectError(await call(t.app, sec, 'GET', `${base()}?sort=passwordHash`), 400, 'VALIDATION_FAILED');
  });
});
