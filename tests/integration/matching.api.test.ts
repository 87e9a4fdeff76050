// Matching runs on the platform: pairs built from the consortium's data under the internship caps,
// solved in the background with progress, explained per student, compared, confirmed into offers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { applications, candidates, memberUnits, statusEvents } from '../../server/db/schema/index.ts';
import {
  call,
  createTestApp,
  expectError,
  login,
  makeCandidate,
  makePlacement,
  makePlan,
  makePosting,
  makeUnit,
  makeUser,
  makeWorld,
  type Session,
  type TestApp,
} from '../setup/factories.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof makeWorld>>;
let sec: Session;
let school: Session;
let base: string;
let studentIds: string[];
let postA: string;

type Run = {
  id: string;
  status: string;
  progress: number;
  summary: {
    students: number;
    placed: number;
    noConsent: number;
    objective: number;
    byEnterprise: { capacity: number; placed: number }[];
    averageWishRank: number | null;
  } | null;
  error: string | null;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t.db);
  // the host has 50 employees: at most 5 interns (10%)
  await t.db.update(memberUnits).set({ employeeCount: 50 }).where(eq(memberUnits.id, w.A.enterprise.id));
  postA = (
    await makePosting(t.db, w.A.c.id, w.A.enterprise.id, {
      kind: 'internship',
      title: '机器人运维实习',
      headcount: 4,
      majorCodes: ['4603'],
      levels: ['higher'],
    })
  ).id;
  await makePosting(t.db, w.A.c.id, w.A.enterprise.id, {
    kind: 'internship',
    title: '数控实习',
    headcount: 4,
    majorCodes: ['460103'],
  });
  // a job posting is not in an internship run
  await makePosting(t.db, w.A.c.id, w.A.enterprise.id, { kind: 'job', title: '正式岗位', headcount: 9 });
  studentIds = [];
  for (let i = 0; i < 8; i++) {
    const c = await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
      name: `撮合学生${i}`,
      majorCode: i % 2 ? '460305' : '460103',
      consentShare: true,
      ...(i === 0 ? { userId: w.A.student.id } : {}),
    });
    studentIds.push(c.id);
  }
  await makeCandidate(t.db, w.A.c.id, w.A.school.id, {
    name: '未同意',
    majorCode: '460305',
    consentShare: false,
  });
  // student 1 wishes for the robot post
  await t.db
    .insert(applications)
    .values({ consortiumId: w.A.c.id, postingId: postA, candidateId: studentIds[1]! });
  sec = await login(t.app, w.A.secretariat.username);
  school = await login(t.app, w.A.schoolAdmin.username);
  base = `/api/v1/consortia/${w.A.c.id}/matching`;
});
afterAll(async () => t.close());

async function runToEnd(s: Session, body: Record<string, unknown>): Promise<Run> {
  const res = await call(t.app, s, 'POST', `${base}/runs`, body);
  expect(res.statusCode, res.body).toBe(202);
  const started = res.json<Run>();
  expect(['queued', 'running', 'done']).toContain(started.status);
  await t.app.matchingRuns.idle();
  return (await call(t.app, s, 'GET', `${base}/runs/${started.id}`)).json<Run>();
}

describe('matching runs', () => {
  let optimalId: string;
  let stableId: string;

  it('place a cohort optimally within the 10% host cap, leaving out those without consent', async () => {
    const run = await runToEnd(sec, {
      name: '2026 实习撮合（最优）',
      mode: 'optimal',
      postingKind: 'internship',
    });
    expect(run.status, run.error ?? '').toBe('done');
    expect(run.progress).toBe(100);
    expect(run.summary).toMatchObject({ students: 8, noConsent: 1, placed: 5 });
    expect(run.summary!.byEnterprise).toEqual([expect.objectContaining({ capacity: 5, placed: 5 })]);
    optimalId = run.id;
    const unplaced = (await call(t.app, sec, 'GET', `${base}/runs/${run.id}/results?placed=false`)).json<{
      items: { explanation: { reason: string; lowest: { name: string } | null }[] }[];
      total: number;
    }>();
    expect(unplaced.total).toBe(3);
    for (const r of unplaced.items) {
      expect(r.explanation.length).toBeGreaterThan(0);
      expect(r.explanation.map((e) => e.reason)).toContain('enterprise_full');
      expect(r.explanation.find((e) => e.reason === 'enterprise_full')!.lowest?.name).toMatch(/^撮合学生/);
    }
    const wished = (
      await call(t.app, sec, 'GET', `${base}/runs/${run.id}/results?placed=true&pageSize=50`)
    ).json<{
      items: { candidateId: string; wishRank: number | null; posting: { id: string } }[];
    }>();
    expect(wished.items.find((r) => r.candidateId === studentIds[1])).toMatchObject({
      wishRank: 1,
      posting: { id: postA },
    });
  });

  it('run stable too, and compare the two side by side', async () => {
    const run = await runToEnd(sec, {
      name: '2026 实习撮合（稳定）',
      mode: 'stable',
      postingKind: 'internship',
    });
    expect(run.status, run.error ?? '').toBe('done');
    expect(run.summary!.placed).toBe(5);
    stableId = run.id;
    const cmp = (await call(t.app, sec, 'GET', `${base}/runs/compare?a=${optimalId}&b=${stableId}`)).json<{
      sameStudents: number;
      samePost: number;
      movedPost: number;
      onlyPlacedInA: number;
      onlyPlacedInB: number;
    }>();
    expect(cmp.sameStudents).toBe(8);
    expect(cmp.samePost + cmp.movedPost + cmp.onlyPlacedInA).toBe(5);
  });

  it('refuse bad settings naming the field, and limit a school to its own students', async () => {
    const bad = await call(t.app, sec, 'POST', `${base}/runs`, {
      name: '坏',
      mode: 'stable',
      placeFirst: true,
      postingKind: 'job',
    });
    expectError(bad, 400, 'VALIDATION_FAILED');
    const bad2 = await call(t.app, sec, 'POST', `${base}/runs`, {
      name: '错误设置',
      mode: 'stable',
      placeFirst: true,
      postingKind: 'job',
    });
    expect(bad2.json().error.details.issues[0].path).toBe('body.placeFirst');
    const other = await makeUnit(t.db, w.A.c.id, 'higher_vocational', '别校');
    const foreign = await call(t.app, school, 'POST', `${base}/runs`, {
      name: '越权撮合',
      mode: 'optimal',
      postingKind: 'internship',
      cohort: { schoolUnitIds: [other.id] },
    });
    expectError(foreign, 400, 'VALIDATION_FAILED');
    const own = await runToEnd(school, { name: '本校撮合', mode: 'optimal', postingKind: 'internship' });
    expect(own.summary!.students).toBe(8);
    // the school sees its own runs only
    const list = (await call(t.app, school, 'GET', `${base}/runs`)).json<{ items: { id: string }[] }>();
    expect(list.items.map((r) => r.id)).toEqual([own.id]);
    expectError(await call(t.app, school, 'GET', `${base}/runs/${optimalId}`), 404, 'NOT_FOUND');
    const teacher = await login(t.app, w.A.teacher.username);
    expectError(
      await call(t.app, teacher, 'POST', `${base}/runs`, {
        name: '教师撮合',
        mode: 'optimal',
        postingKind: 'internship',
      }),
      403,
      'FORBIDDEN',
    );
    const ent = await makeUser(t.db, [{ roleCode: 'secretariat', consortiumId: w.B.c.id }]);
    const outsider = await login(t.app, ent.username);
    expectError(await call(t.app, outsider, 'GET', `${base}/runs/${optimalId}`), 404, 'CONSORTIUM_NOT_FOUND');
  });

  it('confirm a run into offers the students are told about; once only', async () => {
    const res = await call(t.app, sec, 'POST', `${base}/runs/${optimalId}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ offered: number; skipped: number }>()).toMatchObject({ offered: 5, skipped: 0 });
    const offered = await t.db
      .select()
      .from(applications)
      .where(and(eq(applications.consortiumId, w.A.c.id), eq(applications.status, 'offered')));
    expect(offered).toHaveLength(5);
    const [ev] = await t.db.select().from(statusEvents).where(eq(statusEvents.entityId, offered[0]!.id));
    expect(ev!.note).toContain('撮合结果');
    expectError(
      await call(t.app, sec, 'POST', `${base}/runs/${optimalId}/confirm`),
      409,
      'INVALID_TRANSITION',
    );
    expectError(await call(t.app, sec, 'DELETE', `${base}/runs/${optimalId}`), 409, 'INVALID_TRANSITION');
    expect((await call(t.app, sec, 'DELETE', `${base}/runs/${stableId}`)).statusCode).toBe(204);
    const exported = await call(t.app, sec, 'GET', `${base}/runs/${optimalId}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('internship runs under the compliance rules', () => {
  it('leave out first-years and students already placed, count placements at the host, take caps from the rules', async () => {
    // student 7 is a first-year; student 6 is already in an internship at the host
    await t.db.update(candidates).set({ yearOfStudy: 1 }).where(eq(candidates.id, studentIds[7]!));
    const plan = await makePlan(t.db, w.A.c.id, w.A.school.id, {
      startDate: '2020-01-01',
      endDate: '2099-12-31',
    });
    await makePlacement(t.db, plan, studentIds[6]!, w.A.enterprise.id, {
      status: 'active',
      startDate: '2020-01-01',
      endDate: '2099-12-31',
      insuranceStart: '2020-01-01',
      insuranceEnd: '2099-12-31',
    });
    const run = await runToEnd(sec, { name: '合规撮合', mode: 'optimal', postingKind: 'internship' });
    expect(run.status, run.error ?? '').toBe('done');
    expect(run.summary).toMatchObject({ ruleExcluded: 2, noConsent: 1 });
    // 50 employees: 5 interns at most, one is already there
    expect(run.summary!.byEnterprise).toEqual([expect.objectContaining({ capacity: 4 })]);

    const set = await call(
      t.app,
      sec,
      'PUT',
      `/api/v1/consortia/${w.A.c.id}/internships/rules/R-RATIO-HOST`,
      {
        params: { maxRatio: 0.2 },
        severity: 'block',
        note: '试点放宽',
      },
    );
    expect(set.statusCode, set.body).toBe(200);
    const wider = await runToEnd(sec, { name: '放宽后撮合', mode: 'optimal', postingKind: 'internship' });
    expect((wider as unknown as { config: { caps: { hostRatio: number } } }).config.caps.hostRatio).toBe(0.2);
    // 20%: 10, less the one placed; the two posts' 8 openings are now what limits the host
    expect(wider.summary!.byEnterprise).toEqual([expect.objectContaining({ capacity: 8 })]);
  });
});
