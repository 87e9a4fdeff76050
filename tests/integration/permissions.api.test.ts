// Role denials: same consortium, not allowed → 403, and nothing changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, expectError, login, makeWorld, type TestApp } from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
});
afterAll(async () => t.close());

const base = () => `/api/v1/consortia/${w.A.c.id}`;

describe('403 inside one consortium', () => {
  it('students, teachers and mentors cannot list accounts or read the audit trail', async () => {
    for (const u of [w.A.student, w.A.teacher, w.A.mentor]) {
      const s = await login(t.app, u.username);
      expectError(await call(t.app, s, 'GET', `${base()}/users`), 403, 'FORBIDDEN');
      expectError(await call(t.app, s, 'GET', `${base()}/audit`), 403, 'FORBIDDEN');
      expectError(await call(t.app, s, 'PATCH', base(), { name: '学生改名' }), 403, 'FORBIDDEN');
      // but they may see the member directory
      expect((await call(t.app, s, 'GET', `${base()}/units`)).statusCode).toBe(200);
    }
  });

  it('a unit admin edits its own unit but not another, and cannot reclassify its own', async () => {
    const s = await login(t.app, w.A.enterpriseAdmin.username);
    const own = await call(t.app, s, 'PATCH', `${base()}/units/${w.A.enterprise.id}`, {
      name: '自己改名有限公司',
    });
    expect(own.statusCode, own.body).toBe(200);
    expectError(
      await call(t.app, s, 'PATCH', `${base()}/units/${w.A.school.id}`, { name: '别人的学校' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s, 'PATCH', `${base()}/units/${w.A.enterprise.id}`, { role: 'lead' }),
      403,
      'FORBIDDEN',
    );
    const unit = (await call(t.app, s, 'GET', `${base()}/units/${w.A.school.id}`)).json();
    expect(unit.name).not.toBe('别人的学校');
  });

  it("a unit admin sees and manages only its own unit's accounts", async () => {
    const s = await login(t.app, w.A.schoolAdmin.username);
    const list = (await call(t.app, s, 'GET', `${base()}/users?pageSize=200`)).json<{
      items: { id: string }[];
    }>();
    const ids = list.items.map((u) => u.id);
    expect(ids).toContain(w.A.teacher.id);
    expect(ids).toContain(w.A.student.id);
    expect(ids).not.toContain(w.A.mentor.id);
    expect(ids).not.toContain(w.A.secretariat.id);
    expectError(await call(t.app, s, 'GET', `${base()}/users/${w.A.mentor.id}`), 403, 'FORBIDDEN');
    expectError(
      await call(t.app, s, 'PATCH', `${base()}/users/${w.A.mentor.id}`, { displayName: 'x' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s, 'PATCH', `${base()}/users/${w.A.secretariat.id}`, { status: 'disabled' }),
      403,
      'FORBIDDEN',
    );
    const ok = await call(t.app, s, 'PATCH', `${base()}/users/${w.A.teacher.id}`, { displayName: '王老师' });
    expect(ok.statusCode, ok.body).toBe(200);
    // creating in another unit, or handing out a role it may not give
    expectError(
      await call(t.app, s, 'POST', `${base()}/users`, {
        username: 'intruder1',
        displayName: '越权',
        password: 'good-pass-123',
        roleCode: 'mentor',
        memberUnitId: w.A.enterprise.id,
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await call(t.app, s, 'POST', `${base()}/users`, {
        username: 'intruder2',
        displayName: '越权',
        password: 'good-pass-123',
        roleCode: 'secretariat',
        memberUnitId: w.A.school.id,
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('only a platform admin creates consortia', async () => {
    const s = await login(t.app, w.A.secretariat.username);
    expectError(
      await call(t.app, s, 'POST', '/api/v1/consortia', {
        code: 'nope',
        name: '不许新建',
        level: 'municipal',
      }),
      403,
      'FORBIDDEN',
    );
  });
});
