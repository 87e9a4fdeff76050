// Member-unit profiles: USCC with its check character, region and industry codes against the national
// catalogs, dates and figures with their as-of dates, and who may set what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberUnits } from '../../server/db/schema/index.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeUscc,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
const base = () => `/api/v1/consortia/${w.A.c.id}/units`;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  sec = await login(t.app, w.A.secretariat.username);
});
afterAll(async () => t.close());

describe('member unit profile', () => {
  it('creates an enterprise with a valid USCC, region, industry and employee count', async () => {
    const res = await call(t.app, sec, 'POST', base(), {
      name: '江临精工科技有限公司',
      type: 'enterprise',
      role: 'council',
      uscc: makeUscc(1).toLowerCase(),
      regionCode: '320000',
      industryCode: '34',
      joinedOn: '2024-03-01',
      employeeCount: 420,
      employeeCountAsOf: '2026-06-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      uscc: makeUscc(1),
      employeeCount: 420,
      employeeCountAsOf: '2026-06-30',
      joinedOn: '2024-03-01',
    });
  });

  it('names the rule each bad field breaks, and writes nothing', async () => {
    const before = await t.db.$count(memberUnits);
    const good = { name: '坏数据企业', type: 'enterprise', uscc: makeUscc(2) };
    const bad = makeUscc(3).slice(0, 17) + (makeUscc(3).endsWith('0') ? '1' : '0');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...good, uscc: undefined }, 'body.uscc', 'USCC_REQUIRED'],
      [{ ...good, uscc: bad }, 'body.uscc', 'custom'],
      [{ ...good, regionCode: '990000' }, 'body.regionCode', 'custom'],
      [{ ...good, regionCode: '330000', industryCode: 'Z' }, 'body.industryCode', 'invalid_format'],
      [{ ...good, industryCode: '99' }, 'body.industryCode', 'UNKNOWN_INDUSTRY'],
      [{ ...good, employeeCount: 10 }, 'body.employeeCountAsOf', 'AS_OF_REQUIRED'],
      [{ ...good, employeeCount: -1, employeeCountAsOf: '2026-01-01' }, 'body.employeeCount', 'too_small'],
      [{ ...good, joinedOn: '2025-01-01', leftOn: '2024-01-01' }, 'body.leftOn', 'DATE_ORDER'],
      [{ ...good, enrolment: 100, enrolmentAsOf: '2026-09-01' }, 'body.enrolment', 'NOT_A_SCHOOL'],
      [{ ...good, joinedOn: '2025-02-30' }, 'body.joinedOn', 'invalid_format'],
    ];
    for (const [body, path, code] of cases) {
      const res = await call(t.app, sec, 'POST', base(), body);
      expectError(res, 400, 'VALIDATION_FAILED');
      const issues = res.json().error.details.issues as { path: string; code: string; message: string }[];
      expect(issues, JSON.stringify(body)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path, code })]),
      );
    }
    const checkIssue = (await call(t.app, sec, 'POST', base(), { ...good, uscc: bad })).json().error.details
      .issues[0];
    expect(checkIssue.message).toMatch(/check/i);
    expect(await t.db.$count(memberUnits)).toBe(before);
  });

  it('a USCC is unique within the consortium (409), not across consortia', async () => {
    expectError(
      await call(t.app, sec, 'POST', base(), { name: '重复代码公司', type: 'enterprise', uscc: makeUscc(1) }),
      409,
      'USCC_TAKEN',
    );
    const secB = await login(t.app, w.B.secretariat.username);
    const other = await call(t.app, secB, 'POST', `/api/v1/consortia/${w.B.c.id}/units`, {
      name: '另一联合体的同一企业',
      type: 'enterprise',
      uscc: makeUscc(1),
    });
    expect(other.statusCode, other.body).toBe(201);
  });

  it('a unit admin updates its figures but not its standing in the consortium', async () => {
    const s = await login(t.app, w.A.schoolAdmin.username);
    const url = `${base()}/${w.A.school.id}`;
    // a school cannot drop its USCC
    expectError(await call(t.app, s, 'PATCH', url, { uscc: null }), 400, 'VALIDATION_FAILED');
    const ok = await call(t.app, s, 'PATCH', url, { enrolment: 8000, enrolmentAsOf: '2026-09-01' });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const body of [
      { joinedOn: '2020-01-01' },
      { leftOn: '2030-01-01' },
      { type: 'university' },
      { role: 'lead' },
    ]) {
      expectError(await call(t.app, s, 'PATCH', url, body), 403, 'FORBIDDEN');
    }
  });

  it('filters by region prefix and by whether the unit has left', async () => {
    const r = await call(t.app, sec, 'POST', base(), {
      name: '已退出企业',
      type: 'enterprise',
      uscc: makeUscc(9),
      regionCode: '330000',
      joinedOn: '2023-01-01',
      leftOn: '2025-01-01',
    });
    expect(r.statusCode, r.body).toBe(201);
    const zj = (await call(t.app, sec, 'GET', `${base()}?regionCode=33`)).json();
    expect(zj.items.map((u: { name: string }) => u.name)).toEqual(['已退出企业']);
    const current = (await call(t.app, sec, 'GET', `${base()}?current=true&pageSize=200`)).json();
    expect(current.items.map((u: { name: string }) => u.name)).not.toContain('已退出企业');
    const left = (await call(t.app, sec, 'GET', `${base()}?current=false`)).json();
    expect(left.items.map((u: { name: string }) => u.name)).toEqual(['已退出企业']);
  });
});

describe('races', () => {
  it('a unique violation that slips past the checks answers 409 in the error shape, not 500', async () => {
    const uscc = makeUscc(4242);
    const body = (name: string) => ({ name, type: 'enterprise', uscc });
    const [a, b] = await Promise.all([
      call(t.app, sec, 'POST', base(), body('并发企业甲有限公司')),
      call(t.app, sec, 'POST', base(), body('并发企业乙有限公司')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(['USCC_TAKEN', 'CONFLICT']).toContain(loser.json().error.code);
  });
});
