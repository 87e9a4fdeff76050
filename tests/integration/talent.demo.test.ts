// The demo consortium's talent data: volumes that make the dashboard meaningful, rates that equal an
// independent count from the records, drill-downs that list exactly the records behind a rate, and
// Chinese search over the demo postings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  applications,
  candidates,
  consortia,
  employmentOutcomes,
  listItems,
  postings,
  statusEvents,
} from '../../server/db/schema/index.ts';
import { DEMO_CONSORTIUM_CODE, seedDemo } from '../../server/db/seed/demo.ts';
import { validateIdCard } from '../../server/lib/identifiers.ts';
import { call, createTestApp, login, type Session, type TestApp } from '../setup/factories.ts';

const PASSWORD = 'talent-demo-pass-1';
let t: TestApp;
let consortiumId: string;
let secretariat: Session;
let student: Session;
let outcomes: (typeof employmentOutcomes.$inferSelect)[];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db, PASSWORD);
  const [c] = await t.db.select().from(consortia).where(eq(consortia.code, DEMO_CONSORTIUM_CODE));
  consortiumId = c!.id;
  secretariat = await login(t.app, 'secretariat', PASSWORD);
  student = await login(t.app, 'student', PASSWORD);
  outcomes = await t.db
    .select()
    .from(employmentOutcomes)
    .where(eq(employmentOutcomes.consortiumId, consortiumId));
});
afterAll(async () => t.close());

type Scope = { cohortYear?: number; schoolUnitId?: string; majorCode?: string; industry?: string };

/** The rates counted straight from the rows, written apart from the service's SQL. */
function independentRates(rows: typeof outcomes, scope: Scope, city: string) {
  const inScope = rows.filter(
    (o) =>
      (scope.cohortYear === undefined || o.cohortYear === scope.cohortYear) &&
      (scope.schoolUnitId === undefined || o.schoolUnitId === scope.schoolUnitId) &&
      (scope.majorCode === undefined || (o.majorCode ?? '').startsWith(scope.majorCode)) &&
      (scope.industry === undefined || (o.employerIndustry ?? '').startsWith(scope.industry)),
  );
  const employed = inScope.filter((o) =>
    ['employed_contract', 'flexible', 'entrepreneurship'].includes(o.destination),
  );
  const prefix = city.slice(2, 4) === '00' ? city.slice(0, 2) : city.slice(0, 4);
  return {
    total: inScope.length,
    employment: [inScope.filter((o) => o.destination !== 'unemployed').length, inScope.length],
    local: [employed.filter((o) => (o.employerDistrict ?? '').startsWith(prefix)).length, employed.length],
    related: [employed.filter((o) => o.relatedToMajor === true).length, employed.length],
    sources: Object.fromEntries(
      ['employer_confirmed', 'signed_agreement', 'social_insurance', 'self_report'].map((s) => [
        s,
        inScope.filter((o) => o.verificationSource === s).length,
      ]),
    ),
  };
}

type RatesOut = {
  total: number;
  cityCode: string | null;
  rates: { key: string; numerator: number; denominator: number; value: number | null; available: boolean }[];
  verification: { source: string; count: number }[];
};

describe('demo talent data', () => {
  it('has thousands of students, hundreds of postings and applications, and two cohorts of outcomes', async () => {
    const count = async (table: typeof candidates | typeof postings | typeof applications) =>
      t.db.$count(table, eq(table.consortiumId, consortiumId));
    expect(await count(candidates)).toBeGreaterThanOrEqual(3000);
    expect(await count(postings)).toBeGreaterThanOrEqual(300);
    expect(await count(applications)).toBeGreaterThanOrEqual(1500);
    expect(new Set(outcomes.map((o) => o.cohortYear))).toEqual(new Set([2024, 2025]));
    expect(await t.db.$count(listItems, eq(listItems.consortiumId, consortiumId))).toBeGreaterThan(100);
    // every demo person passes the checks an import would apply
    const people = await t.db.select().from(candidates).where(eq(candidates.consortiumId, consortiumId));
    for (const p of people) expect(validateIdCard(p.idCard).ok, p.idCard).toBe(true);
    const me = (await call(t.app, student, 'GET', `/api/v1/consortia/${consortiumId}/candidates/me`)).json();
    expect(me.name).toBe('张同学');
  });

  it('rates equal an independent count from the records, for every scope', async () => {
    const [c] = await t.db.select().from(consortia).where(eq(consortia.id, consortiumId));
    const city = c!.regionCode!;
    const school = outcomes[0]!.schoolUnitId!;
    const scopes: Scope[] = [
      {},
      { cohortYear: 2024 },
      { cohortYear: 2025 },
      { schoolUnitId: school },
      { majorCode: '4603' },
      { majorCode: '460103', cohortYear: 2025 },
      { industry: '34' },
    ];
    for (const scope of scopes) {
      const qs = new URLSearchParams(
        Object.entries(scope).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString();
      const res = await call(
        t.app,
        secretariat,
        'GET',
        `/api/v1/consortia/${consortiumId}/talent/rates?${qs}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const got = res.json<RatesOut>();
      const want = independentRates(outcomes, scope, city);
      expect(got.total, qs).toBe(want.total);
      expect(got.total, `${qs}: an empty scope proves nothing`).toBeGreaterThan(0);
      for (const key of ['employment', 'local', 'related'] as const) {
        const r = got.rates.find((x) => x.key === key)!;
        expect([r.numerator, r.denominator], `${key} ${qs}`).toEqual(want[key]);
        expect(r.value).toBeCloseTo(want[key][0]! / want[key][1]!, 4);
      }
      for (const v of got.verification) expect(v.count, `${v.source} ${qs}`).toBe(want.sources[v.source]);
    }
  });

  it('drills down to exactly the records behind each side of a rate', async () => {
    const rates = (
      await call(t.app, secretariat, 'GET', `/api/v1/consortia/${consortiumId}/talent/rates?cohortYear=2025`)
    ).json<RatesOut>();
    for (const r of rates.rates) {
      for (const part of ['numerator', 'denominator'] as const) {
        const res = await call(
          t.app,
          secretariat,
          'GET',
          `/api/v1/consortia/${consortiumId}/outcomes?cohortYear=2025&rate=${r.key}&part=${part}&pageSize=5`,
        );
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ total: number }>().total, `${r.key} ${part}`).toBe(r[part]);
      }
    }
  });

  it('the dashboard counts what the records hold', async () => {
    const res = await call(t.app, secretariat, 'GET', `/api/v1/consortia/${consortiumId}/talent/dashboard`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json<{
      funnel: Record<string, number>;
      demandVsSupply: { majorGroup: string; demand: number; supply: number }[];
      outcomesTrend: { cohortYear: number; total: number }[];
    }>();
    expect(d.funnel.applied).toBe(
      await t.db.$count(applications, eq(applications.consortiumId, consortiumId)),
    );
    const events = await t.db.select().from(statusEvents).where(eq(statusEvents.consortiumId, consortiumId));
    for (const stage of ['shortlisted', 'interviewing', 'offered', 'accepted']) {
      const ids = new Set(
        events.filter((e) => e.entity === 'application' && e.toStatus === stage).map((e) => e.entityId),
      );
      expect(d.funnel[stage], stage).toBe(ids.size);
    }
    const people = await t.db.select().from(candidates).where(eq(candidates.consortiumId, consortiumId));
    const supply = d.demandVsSupply.reduce((n, g) => n + g.supply, 0);
    expect(supply).toBe(people.filter((p) => p.majorCode).length);
    const items = await t.db.select().from(listItems).where(eq(listItems.consortiumId, consortiumId));
    const g46 = items
      .filter(
        (i) =>
          i.kind === 'talent' && i.status === 'published' && i.majorCodes.some((m) => m.startsWith('46')),
      )
      .reduce((n, i) => n + (i.headcount ?? 0), 0);
    expect(d.demandVsSupply.find((g) => g.majorGroup === '46')?.demand).toBe(g46);
    expect(d.outcomesTrend.map((y) => [y.cohortYear, y.total])).toEqual(
      [2024, 2025].map((y) => [y, outcomes.filter((o) => o.cohortYear === y).length]),
    );
  });

  it('a student finds postings by 2-character and long Chinese terms, and only vetted ones', async () => {
    const all = await t.db.select().from(postings).where(eq(postings.consortiumId, consortiumId));
    const search = async (q: string) => {
      const res = await call(
        t.app,
        student,
        'GET',
        `/api/v1/consortia/${consortiumId}/postings?q=${encodeURIComponent(q)}&pageSize=200`,
      );
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: { id: string; title: string; status: string }[]; total: number }>();
    };
    const visible = (p: (typeof all)[number]) =>
      p.status === 'published' || (p.status === 'closed' && p.vettedAt !== null);

    const sk = await search('数控');
    const expected = all.filter((p) => visible(p) && p.searchText.includes('数控'));
    expect(sk.total).toBe(expected.length);
    expect(sk.total).toBeGreaterThan(0);
    expect(sk.items.every((p) => p.status === 'published' || p.status === 'closed')).toBe(true);
    expect(all.some((p) => !visible(p) && p.searchText.includes('数控'))).toBe(true); // hidden ones exist

    const ops = await search('工业机器人运维');
    expect(ops.items.map((p) => p.title)).toContain('工业机器人运维工程师');
    for (const p of ops.items) {
      const text = all.find((x) => x.id === p.id)!.searchText;
      expect(
        ['工业', '机器人', '运维'].every((w) => text.includes(w)),
        p.title,
      ).toBe(true);
    }
    expect((await search('运维')).total).toBeGreaterThanOrEqual(ops.total);
    expect((await search('潜水艇')).total).toBe(0);
  });
});
