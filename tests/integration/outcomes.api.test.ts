// Employment outcomes: one record per graduate and cohort year, kept by the graduate's school, imported
// all-or-nothing; the rates follow the records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employmentOutcomes } from '../../server/db/schema/index.ts';
import { writeTable } from '../../server/lib/excel/index.ts';
import { outcomeColumns, type OutcomeSheetRow } from '../../server/modules/talent/outcomes.excel.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeCandidate,
  makeUnit,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let school: Session;
let authority: Session;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  school = await login(t.app, w.A.schoolAdmin.username);
  authority = await login(t.app, w.authorityA.username);
  base = `/api/v1/consortia/${w.A.c.id}`;
});
afterAll(async () => t.close());

const employed = {
  cohortYear: 2025,
  destination: 'employed_contract',
  employerName: '某装备公司',
  employerDistrict: '320505',
  relatedToMajor: true,
  verificationSource: 'signed_agreement',
};

describe('outcomes', () => {
  it('are recorded by the graduate’s school, once per cohort year, with an employer when employed', async () => {
    const g = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { kind: 'graduate', majorCode: '460103' });
    const noEmployer = await call(t.app, school, 'POST', `${base}/outcomes`, {
      ...employed,
      candidateId: g.id,
      employerName: null,
    });
    expectError(noEmployer, 400, 'VALIDATION_FAILED');
    expect(noEmployer.json().error.details.issues[0].path).toBe('body.employerName');
    const ok = await call(t.app, school, 'POST', `${base}/outcomes`, { ...employed, candidateId: g.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ majorCode: '460103', schoolUnitId: w.A.school.id, local: false });
    expectError(
      await call(t.app, school, 'POST', `${base}/outcomes`, { ...employed, candidateId: g.id }),
      409,
      'CONFLICT',
    );

    const otherSchool = await makeUnit(t.db, w.A.c.id, 'higher_vocational', '别的学院');
    const foreign = await makeCandidate(t.db, w.A.c.id, otherSchool.id, { kind: 'graduate' });
    expectError(
      await call(t.app, school, 'POST', `${base}/outcomes`, { ...employed, candidateId: foreign.id }),
      404,
      'CANDIDATE_NOT_FOUND',
    );
    // an authority sees the rates, not the people
    expect((await call(t.app, authority, 'GET', `${base}/talent/rates`)).statusCode).toBe(200);
    expectError(await call(t.app, authority, 'GET', `${base}/outcomes`), 403, 'FORBIDDEN');
  });

  it('local employment needs the consortium’s city; the rates follow the records', async () => {
    const before = (await call(t.app, school, 'GET', `${base}/talent/rates?cohortYear=2025`)).json<{
      rates: { key: string; available: boolean; numerator: number; denominator: number }[];
    }>();
    expect(before.rates.find((r) => r.key === 'local')!.available).toBe(false);
    const sec = await login(t.app, w.A.secretariat.username);
    expect((await call(t.app, sec, 'PATCH', base, { regionCode: '320500' })).statusCode).toBe(200);
    const after = (await call(t.app, school, 'GET', `${base}/talent/rates?cohortYear=2025`)).json<{
      rates: { key: string; available: boolean; numerator: number; denominator: number }[];
    }>();
    expect(after.rates.find((r) => r.key === 'local')).toMatchObject({
      available: true,
      numerator: 1,
      denominator: 1,
    });
    expect(after.rates.find((r) => r.key === 'related')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('import all or nothing, matching graduates by ID number', async () => {
    const g1 = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { kind: 'graduate', name: '甲' });
    const g2 = await makeCandidate(t.db, w.A.c.id, w.A.school.id, { kind: 'graduate', name: '乙' });
    const row = (idCard: string, over: Partial<OutcomeSheetRow> = {}): OutcomeSheetRow => ({
      idCard,
      name: null,
      cohortYear: 2024,
      destination: 'further_study',
      employerName: null,
      employerUscc: null,
      employerDistrict: null,
      employerIndustry: null,
      occupationCode: null,
      relatedToMajor: null,
      startDate: null,
      verificationSource: 'self_report',
      verifiedBy: '辅导员',
      verifiedAt: '2024-09-30',
      ...over,
    });
    const send = async (rows: OutcomeSheetRow[]) =>
      t.app.inject({
        method: 'POST',
        url: `${base}/outcomes/import?format=xlsx`,
        headers: {
          cookie: school.cookie,
          'x-csrf-token': school.csrf,
          'content-type': 'application/octet-stream',
        },
        payload: await writeTable(outcomeColumns, rows, { format: 'xlsx' }),
      });
    const before = await t.db.$count(employmentOutcomes);
    const bad = (
      await send([
        row(g1.idCard),
        row(g2.idCard, { name: '丙' }),
        row(g2.idCard, { destination: 'employed_contract' }),
      ])
    ).json<{ ok: boolean; errors: { row: number; code: string }[] }>();
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => [e.row, e.code])).toEqual(
      expect.arrayContaining([
        [3, 'NAME_MISMATCH'],
        [4, 'REQUIRED'],
      ]),
    );
    expect(await t.db.$count(employmentOutcomes)).toBe(before);
    const good = (await send([row(g1.idCard), row(g2.idCard, { name: '乙' })])).json<{
      ok: boolean;
      inserted: number;
    }>();
    expect(good).toMatchObject({ ok: true, inserted: 2 });
    expect(await t.db.$count(employmentOutcomes)).toBe(before + 2);
  });
});
