// Factories: build consortia, units and accounts straight in the database, and log in through the API.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { buildApp } from '../../server/app.ts';
import type { DatabaseHandle, Db } from '../../server/db/client.ts';
import {
  applications,
  candidates,
  consortia,
  employmentOutcomes,
  internshipFlags,
  internshipHosts,
  internshipLogFiles,
  internshipLogs,
  internshipPlacements,
  internshipPlans,
  listItems,
  listLinks,
  matchingRuns,
  memberships,
  memberUnits,
  postings,
  users,
} from '../../server/db/schema/index.ts';
import { searchFields } from '../../server/modules/talent/postings.service.ts';
import { AccessControl } from '../../server/modules/access/access.service.ts';
import { hashPassword } from '../../server/modules/identity/password.ts';
import { createTestDatabase } from './db.ts';
import { idCardCheckChar, usccCheckChar } from '../../server/lib/identifiers.ts';
import { requiresUscc } from '../../server/modules/consortium/consortium.core.ts';

export const PASSWORD = 'test-pass-1234';
let passwordHash: Promise<string> | undefined;
let seq = 0;
const next = () => `${process.pid}${++seq}`;

type UnitType = (typeof memberUnits.$inferInsert)['type'];

export async function makeConsortium(db: Db, over: Partial<typeof consortia.$inferInsert> = {}) {
  const n = next();
  const [c] = await db
    .insert(consortia)
    .values({ code: `c-${n}`, name: `测试联合体${n}`, level: 'municipal', ...over })
    .returning();
  if (!c) throw new Error('no consortium');
  return c;
}

export async function makeUnit(db: Db, consortiumId: string, type: UnitType = 'enterprise', name?: string) {
  const n = next();
  const [u] = await db
    .insert(memberUnits)
    .values({
      consortiumId,
      type,
      name: name ?? `单位${n}`,
      uscc: requiresUscc(type) ? makeUscc(Number(n)) : null,
    })
    .returning();
  if (!u) throw new Error('no unit');
  return u;
}

export async function makeUser(
  db: Db,
  roles: { roleCode: string; consortiumId: string | null; memberUnitId?: string | null }[],
  over: Partial<typeof users.$inferInsert> = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  const [u] = await db
    .insert(users)
    .values({ username: `u${next()}`, displayName: `用户${seq}`, passwordHash: await passwordHash, ...over })
    .returning();
  if (!u) throw new Error('no user');
  for (const r of roles) {
    await db.insert(memberships).values({
      userId: u.id,
      consortiumId: r.consortiumId,
      memberUnitId: r.memberUnitId ?? null,
      roleCode: r.roleCode,
    });
  }
  return u;
}

export type Session = { cookie: string; csrf: string; userId: string };

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'cj_session');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json<{ csrfToken: string; user: { id: string } }>();
  return { cookie: `cj_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}

/** An API call as a logged-in user (CSRF header included on writes unless told otherwise). */
export function call(
  app: FastifyInstance,
  s: Session | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (s) headers.cookie = s.cookie;
  if (s && method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = s.csrf;
  return app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json<{ error: { code: string; message: string } }>().error.code).toBe(code);
}

export type TestApp = { app: FastifyInstance; handle: DatabaseHandle; db: Db; close(): Promise<void> };

export async function createTestApp(opts: { trustProxy?: false | number | string } = {}): Promise<TestApp> {
  const handle = await createTestDatabase();
  const access = new AccessControl(handle.db);
  await access.reload();
  const app = await buildApp(
    {
      db: handle.db,
      dbKind: handle.kind,
      access,
      config: { sessionTtlMs: 3600_000, secureCookies: false, webDist: '/nonexistent' },
    },
    opts.trustProxy === undefined ? {} : { trustProxy: opts.trustProxy },
  );
  return {
    app,
    handle,
    db: handle.db,
    async close() {
      await app.close();
      await handle.close();
    },
  };
}

/**
 * Two consortia, A and B, each with a school, an enterprise and one account per role.
 * Used by the tenancy and permission tests.
 */
export async function makeWorld(db: Db) {
  async function side() {
    const c = await makeConsortium(db);
    const school = await makeUnit(db, c.id, 'higher_vocational', `学校${next()}`);
    const enterprise = await makeUnit(db, c.id, 'enterprise', `企业${next()}`);
    const secretariat = await makeUser(db, [{ roleCode: 'secretariat', consortiumId: c.id }]);
    const schoolAdmin = await makeUser(db, [
      { roleCode: 'unit_admin', consortiumId: c.id, memberUnitId: school.id },
    ]);
    const enterpriseAdmin = await makeUser(db, [
      { roleCode: 'unit_admin', consortiumId: c.id, memberUnitId: enterprise.id },
    ]);
    const teacher = await makeUser(db, [
      { roleCode: 'teacher', consortiumId: c.id, memberUnitId: school.id },
    ]);
    const mentor = await makeUser(db, [
      { roleCode: 'mentor', consortiumId: c.id, memberUnitId: enterprise.id },
    ]);
    const student = await makeUser(db, [
      { roleCode: 'student', consortiumId: c.id, memberUnitId: school.id },
    ]);
    return { c, school, enterprise, secretariat, schoolAdmin, enterpriseAdmin, teacher, mentor, student };
  }
  const A = await side();
  const B = await side();
  const admin = await makeUser(db, [{ roleCode: 'platform_admin', consortiumId: null }]);
  const authorityA = await makeUser(db, [{ roleCode: 'authority', consortiumId: A.c.id }]);
  return { A, B, admin, authorityA };
}

/** A valid-form 统一社会信用代码 (check character computed) from a serial number. */
export function makeUscc(n: number, region = '320500'): string {
  const body = `91${region}${String(n).padStart(8, '0')}`.slice(0, 16);
  const orgCode = `${body}${'0123456789ABCDEFGHJKLMNPQRTUWXY'[n % 31]}`;
  return `${orgCode}${usccCheckChar(orgCode)}`;
}

// ---------------------------------------------------------------------------------------------------
// Talent platform records

let idSeq = 0;
/** A valid 公民身份号码 (check digit computed), born on `birth` (YYYYMMDD), unique per call. */
export function makeIdCard(birth = '20050315', region = '320505'): string {
  const body = `${region}${birth}${String(++idSeq % 1000).padStart(3, '0')}`;
  return body + idCardCheckChar(body);
}

export async function makeListItem(
  db: Db,
  consortiumId: string,
  unitId: string,
  over: Partial<typeof listItems.$inferInsert> = {},
) {
  const [i] = await db
    .insert(listItems)
    .values({ consortiumId, unitId, kind: 'talent', title: `人才需求${next()}`, headcount: 5, ...over })
    .returning();
  return i!;
}

export async function makePosting(
  db: Db,
  consortiumId: string,
  unitId: string,
  over: Partial<typeof postings.$inferInsert> = {},
) {
  const title = over.title ?? `岗位${next()}`;
  const [p] = await db
    .insert(postings)
    .values({
      consortiumId,
      unitId,
      kind: 'job',
      title,
      headcount: 3,
      deadline: '2099-12-31',
      status: 'published',
      vettedAt: new Date(),
      ...searchFields({ title, requirements: over.requirements ?? null, skills: over.skills ?? [] }),
      ...over,
    })
    .returning();
  return p!;
}

export async function makeCandidate(
  db: Db,
  consortiumId: string,
  schoolUnitId: string | null,
  over: Partial<typeof candidates.$inferInsert> = {},
) {
  const [c] = await db
    .insert(candidates)
    .values({
      consortiumId,
      schoolUnitId,
      name: `学生${next()}`,
      idCard: makeIdCard(),
      gender: 'female',
      birthDate: '2005-03-15',
      level: 'higher',
      ...over,
    })
    .returning();
  return c!;
}

/** One of each talent record in a consortium of `makeWorld`, for tests that need ids to reach. */
export async function makeTalent(db: Db, side: Awaited<ReturnType<typeof makeWorld>>['A']) {
  const item = await makeListItem(db, side.c.id, side.enterprise.id);
  const [link] = await db
    .insert(listLinks)
    .values({ consortiumId: side.c.id, itemId: item.id, targetKind: 'other', targetId: 'x', label: '链接' })
    .returning();
  const posting = await makePosting(db, side.c.id, side.enterprise.id);
  const candidate = await makeCandidate(db, side.c.id, side.school.id, { userId: side.student.id });
  const [application] = await db
    .insert(applications)
    .values({ consortiumId: side.c.id, postingId: posting.id, candidateId: candidate.id })
    .returning();
  const [outcome] = await db
    .insert(employmentOutcomes)
    .values({
      consortiumId: side.c.id,
      candidateId: candidate.id,
      schoolUnitId: side.school.id,
      cohortYear: 2025,
      destination: 'further_study',
      verificationSource: 'self_report',
    })
    .returning();
  const [run] = await db
    .insert(matchingRuns)
    .values({
      consortiumId: side.c.id,
      name: '测试撮合',
      mode: 'optimal',
      postingKind: 'internship',
      status: 'failed',
      config: {},
      createdByName: '测试',
    })
    .returning();
  return { item, link: link!, posting, candidate, application: application!, outcome: outcome!, run: run! };
}

// ---------------------------------------------------------------------------------------------------
// Internships

export async function makePlan(
  db: Db,
  consortiumId: string,
  schoolUnitId: string,
  over: Partial<typeof internshipPlans.$inferInsert> = {},
) {
  const [p] = await db
    .insert(internshipPlans)
    .values({
      consortiumId,
      schoolUnitId,
      title: `实习计划${next()}`,
      kind: 'position',
      cohort: '2023级',
      startDate: '2026-03-01',
      endDate: '2026-08-31',
      teacherName: '王老师',
      status: 'active',
      rubric: [
        { key: 'skill', label: '专业技能', weight: 60 },
        { key: 'attitude', label: '职业素养', weight: 40 },
      ],
      ...over,
    })
    .returning();
  return p!;
}

/**
 * A placement written straight to the table (no rules evaluated): for tests of what comes after a
 * placement (agreements, logs, flags). Tests of the rules go through the API or the service.
 */
export async function makePlacement(
  db: Db,
  plan: { consortiumId: string; id: string; schoolUnitId: string; startDate: string; endDate: string },
  candidateId: string,
  hostUnitId: string,
  over: Partial<typeof internshipPlacements.$inferInsert> = {},
) {
  const [p] = await db
    .insert(internshipPlacements)
    .values({
      consortiumId: plan.consortiumId,
      planId: plan.id,
      candidateId,
      schoolUnitId: plan.schoolUnitId,
      hostKind: 'member',
      hostUnitId,
      postTitle: `实习岗位${next()}`,
      schoolMentorName: '王老师',
      enterpriseMentorName: '李师傅',
      startDate: plan.startDate,
      endDate: plan.endDate,
      dailyHours: 8,
      venueType: 'factory',
      payAmount: 4000,
      postWage: 5000,
      payChannel: 'bank_to_student',
      payFrequency: 'monthly',
      insurer: '中国人保',
      policyNo: `PICC${next()}`,
      insuranceStart: plan.startDate,
      insuranceEnd: plan.endDate,
      premiumPaidBy: 'school',
      ...over,
    })
    .returning();
  return p!;
}

/** One of each internship record in a consortium of `makeWorld` (after `makeTalent`), for tests that need ids. */
export async function makeInternship(
  db: Db,
  side: Awaited<ReturnType<typeof makeWorld>>['A'],
  candidateId: string,
) {
  const plan = await makePlan(db, side.c.id, side.school.id);
  const placement = await makePlacement(db, plan, candidateId, side.enterprise.id, { status: 'active' });
  const [host] = await db
    .insert(internshipHosts)
    .values({ consortiumId: side.c.id, name: `外部单位${next()}`, uscc: makeUscc(Number(next()) % 1e8) })
    .returning();
  const [log] = await db
    .insert(internshipLogs)
    .values({
      consortiumId: side.c.id,
      placementId: placement.id,
      periodStart: plan.startDate,
      periodEnd: plan.startDate,
      content: '本周在车间跟随师傅学习机器人示教编程，完成了两次独立操作并记录问题。',
    })
    .returning();
  const [file] = await db
    .insert(internshipLogFiles)
    .values({
      consortiumId: side.c.id,
      logId: log!.id,
      fileName: 'a.txt',
      contentType: 'text/plain',
      size: 1,
      sha256: '0'.repeat(64),
      content: Buffer.from('a'),
    })
    .returning();
  const [flag] = await db
    .insert(internshipFlags)
    .values({
      consortiumId: side.c.id,
      kind: 'missing_logs',
      placementId: placement.id,
      dedupeKey: `k${next()}`,
    })
    .returning();
  return { plan, placement, host: host!, log: log!, file: file!, flag: flag! };
}
