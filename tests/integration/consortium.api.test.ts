import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderApiGuide, type OpenApi } from '../../server/lib/api-guide.ts';
import { readMigrations } from '../../server/db/migrate.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeUnit,
  makeUscc,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  sec = await login(t.app, w.A.secretariat.username);
  admin = await login(t.app, w.admin.username);
});
afterAll(async () => t.close());

describe('consortia', () => {
  it('a platform admin creates one; the code is unique and validated', async () => {
    const res = await call(t.app, admin, 'POST', '/api/v1/consortia', {
      code: 'river-city',
      name: '河城产教联合体',
      level: 'municipal',
      regionCode: '320500',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: 'river-city', status: 'preparing' });
    expectError(
      await call(t.app, admin, 'POST', '/api/v1/consortia', {
        code: 'river-city',
        name: '重复',
        level: 'municipal',
      }),
      409,
      'CONSORTIUM_CODE_TAKEN',
    );
    const bad = await call(t.app, admin, 'POST', '/api/v1/consortia', {
      code: 'Bad Code',
      name: '坏',
      level: 'city',
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    const paths = bad.json().error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.code', 'body.name', 'body.level']));
  });

  it('the secretariat edits the profile; the summary counts units by type and users', async () => {
    const res = await call(t.app, sec, 'PATCH', `/api/v1/consortia/${w.A.c.id}`, {
      status: 'building',
      regionCode: '320500',
    });
    expect(res.statusCode, res.body).toBe(200);
    expectError(
      await call(t.app, sec, 'PATCH', `/api/v1/consortia/${w.A.c.id}`, {}),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await call(t.app, sec, 'PATCH', `/api/v1/consortia/${w.A.c.id}`, { regionCode: '32' }),
      400,
      'VALIDATION_FAILED',
    );
    const summary = (await call(t.app, sec, 'GET', `/api/v1/consortia/${w.A.c.id}`)).json();
    expect(summary.consortium.status).toBe('building');
    expect(summary.unitsByType).toEqual(
      expect.arrayContaining([
        { type: 'enterprise', count: 1 },
        { type: 'higher_vocational', count: 1 },
      ]),
    );
    expect(summary.users).toBe(7); // six accounts of A and the authority overseeing it
  });
});

describe('member units', () => {
  it('creates, finds by a 1–2 character Chinese term, filters, pages', async () => {
    for (const [i, name] of ['江临数控机床有限公司', '江临数字科技有限公司', '江临物流有限公司'].entries()) {
      const r = await call(t.app, sec, 'POST', `/api/v1/consortia/${w.A.c.id}/units`, {
        name,
        type: 'enterprise',
        uscc: makeUscc(900 + i),
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const base = `/api/v1/consortia/${w.A.c.id}/units`;
    const two = (await call(t.app, sec, 'GET', `${base}?q=${encodeURIComponent('数控')}`)).json();
    expect(two.items.map((u: { name: string }) => u.name)).toEqual(['江临数控机床有限公司']);
    const one = (await call(t.app, sec, 'GET', `${base}?q=${encodeURIComponent('数')}&sort=name`)).json();
    expect(one.total).toBe(2);
    const long = (await call(t.app, sec, 'GET', `${base}?q=${encodeURIComponent('物流有限')}`)).json();
    expect(long.total).toBe(1);
    const schools = (await call(t.app, sec, 'GET', `${base}?type=higher_vocational`)).json();
    expect(schools.items.every((u: { type: string }) => u.type === 'higher_vocational')).toBe(true);
    const paged = (await call(t.app, sec, 'GET', `${base}?pageSize=2&page=2&sort=-name`)).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(paged.items).toHaveLength(2);
    // LIKE wildcards in the term are taken literally
    expect((await call(t.app, sec, 'GET', `${base}?q=%25`)).json().total).toBe(0);
    expectError(
      await call(t.app, sec, 'POST', base, { name: 'x', type: 'factory' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('404 for a unit id that does not exist', async () => {
    expectError(
      await call(
        t.app,
        sec,
        'GET',
        `/api/v1/consortia/${w.A.c.id}/units/00000000-0000-4000-8000-000000000000`,
      ),
      404,
      'MEMBER_UNIT_NOT_FOUND',
    );
  });
});

describe('audit trail', () => {
  it('records every write with actor, before and after, and filters', async () => {
    const unit = await makeUnit(t.db, w.A.c.id, 'park', '审计测试园区');
    const upd = await call(t.app, sec, 'PATCH', `/api/v1/consortia/${w.A.c.id}/units/${unit.id}`, {
      name: '审计测试园区（改）',
    });
    expect(upd.statusCode).toBe(200);
    const list = (
      await call(
        t.app,
        sec,
        'GET',
        `/api/v1/consortia/${w.A.c.id}/audit?entity=member_unit&entityId=${unit.id}`,
      )
    ).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      action: 'update',
      actorId: w.A.secretariat.id,
      before: expect.objectContaining({ name: '审计测试园区' }),
      after: expect.objectContaining({ name: '审计测试园区（改）' }),
    });
    const creates = (
      await call(t.app, sec, 'GET', `/api/v1/consortia/${w.A.c.id}/audit?action=create&entity=member_unit`)
    ).json();
    expect(creates.total).toBe(3);
    const future = (
      await call(t.app, sec, 'GET', `/api/v1/consortia/${w.A.c.id}/audit?from=2999-01-01T00:00:00Z`)
    ).json();
    expect(future.total).toBe(0);
    const sorted = (await call(t.app, sec, 'GET', `/api/v1/consortia/${w.A.c.id}/audit`)).json();
    const times = sorted.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expectError(
      await call(t.app, sec, 'GET', `/api/v1/consortia/${w.A.c.id}/audit?from=yesterday`),
      400,
      'VALIDATION_FAILED',
    );
    // B's trail does not show A's changes
    const secB = await login(t.app, w.B.secretariat.username);
    const b = (
      await call(t.app, secB, 'GET', `/api/v1/consortia/${w.B.c.id}/audit?entityId=${unit.id}`)
    ).json();
    expect(b.total).toBe(0);
  });
});

describe('API conventions', () => {
  it('the committed API guide is the one the code generates (run `npx chanjiao api-guide`)', () => {
    const doc = t.app.swagger() as unknown as OpenApi;
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/api.md'), 'utf8');
    expect(committed).toBe(renderApiGuide(doc));
  });

  it('health reports the database kind and migration level without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: t.handle.kind,
      migrations: { pending: 0, latest: readMigrations().at(-1)!.tag },
    });
  });

  it('serves OpenAPI JSON and the docs UI; unknown API routes answer in the error shape', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/health']));
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'NOT_FOUND');
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expectError(malformed, 400, 'VALIDATION_FAILED');
  });
});
